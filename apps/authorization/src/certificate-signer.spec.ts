import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AckPolicy, DeliverPolicy, type NatsConnection } from 'nats';
import { createCsr } from '@voltstream/certificates';
import { loadConfig } from '@voltstream/config';
import { createEvent, subjectsFor, type CertificateSigningEvent } from '@voltstream/contracts';
import { connectNats, ensureStreams, EventPublisher, readAggregate } from '@voltstream/nats';
import { dropDatabase } from '@voltstream/read-models';
import { testEnv, uniqueNamespace } from '@voltstream/testing';
import { startAuthorization, type RunningAuthorization } from './bootstrap';
import { CERTIFICATE_SIGNER_CONSUMER } from './certificate-signer';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * The signer against real NATS (no gateway: every wallbox is offline, so each CertificateSigned is
 * recorded as sent without an answer): a request is signed once, however often it is delivered.
 */
describe('CertificateSigner: each SignCertificate request signed once, through restarts and redelivery', () => {
  const namespace = uniqueNamespace();
  const subjects = subjectsFor(namespace);
  const env = testEnv(namespace);
  let nc: NatsConnection;
  let publisher: EventPublisher;
  let service: RunningAuthorization | undefined;

  const start = async () => {
    service = await startAuthorization(loadConfig(env));
  };
  const history = async (identity: string) => {
    const subject = subjects.certificateSigning(identity);
    return (await readAggregate(nc, subjects.eventsStream, { subject, history: subject })).events as CertificateSigningEvent[];
  };
  const request = (identity: string, requestId: string, csr: string) => createEvent('CertificateSigningRequested', { requestId, csr }, identity, new Date());
  const settled = async () => {
    await expect
      .poll(async () => {
        const info = await (await nc.jetstreamManager()).consumers.info(subjects.eventsStream, CERTIFICATE_SIGNER_CONSUMER);
        return info.num_pending + info.num_ack_pending;
      }, { timeout: 20_000 })
      .toBe(0);
  };

  beforeAll(async () => {
    nc = await connectNats(NATS_URL, 'certificate-signer-spec');
    await ensureStreams(nc, subjects);
    publisher = new EventPublisher(nc, subjects);
    await start();
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    const jsm = await nc.jetstreamManager();
    for (const stream of [subjects.eventsStream, subjects.transactionIdStream, subjects.reservationIdStream]) await jsm.streams.delete(stream).catch(() => false);
    await nc.close();
    await dropDatabase(env.DATABASE_URL);
  });

  it('signs a request, records the issued chain, then that the wallbox could not be reached', async () => {
    await publisher.publish(request('CP-1', 'CP-1:1:a', (await createCsr('CP-1')).csrPem));
    await expect.poll(async () => (await history('CP-1')).map((event) => event.type), { timeout: 20_000 }).toEqual([
      'CertificateSigningRequested',
      'ChargePointCertificateIssued',
      'ChargePointCertificateSent',
    ]);
    const [, issued, sent] = await history('CP-1');
    expect(issued.data).toMatchObject({ requestId: 'CP-1:1:a', signer: 'csms', certificateChain: expect.stringContaining('BEGIN CERTIFICATE') });
    expect(sent.data).toEqual({ requestId: 'CP-1:1:a', status: null, reason: 'the charge point is offline' });
  });

  it('a request already issued before a crash is sent with the chain recorded, not signed again', async () => {
    await publisher.publish(request('CP-2', 'CP-2:1:a', (await createCsr('CP-2')).csrPem));
    await expect.poll(async () => (await history('CP-2')).length, { timeout: 20_000 }).toBe(3);
    const crashed = createEvent('CertificateSigningRequested', { requestId: 'CP-2:2:b', csr: (await createCsr('CP-2')).csrPem }, 'CP-2', new Date());
    // What a replica that crashed after signing left behind: the request and its chain, nothing sent.
    await service?.close();
    service = undefined;
    await publisher.publish(crashed);
    await publisher.publish(createEvent('ChargePointCertificateIssued', { requestId: 'CP-2:2:b', certificateChain: 'the chain issued before the crash', signer: 'csms' }, 'CP-2', new Date()));
    await start();
    await expect.poll(async () => (await history('CP-2')).at(-1)?.type, { timeout: 20_000 }).toBe('ChargePointCertificateSent');
    const issued = (await history('CP-2')).filter((event) => event.type === 'ChargePointCertificateIssued' && event.data.requestId === 'CP-2:2:b');
    expect(issued).toHaveLength(1);
  });

  it('every request delivered again from the start of the log (a replay) signs nothing and sends nothing more', async () => {
    await settled();
    const before = [...(await history('CP-1')), ...(await history('CP-2'))];
    await service?.close();
    service = undefined;
    const jsm = await nc.jetstreamManager();
    await jsm.consumers.delete(subjects.eventsStream, CERTIFICATE_SIGNER_CONSUMER);
    await jsm.consumers.add(subjects.eventsStream, {
      durable_name: CERTIFICATE_SIGNER_CONSUMER,
      filter_subject: subjects.allCertificateSigning,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
    await start();
    await settled();
    expect([...(await history('CP-1')), ...(await history('CP-2'))]).toEqual(before);
  });
});
