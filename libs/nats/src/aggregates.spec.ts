import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSONCodec, type NatsConnection } from 'nats';
import { createEvent, subjectsFor, type ChargePointSettings, type VoltstreamEvent } from '@voltstream/contracts';
import { uniqueNamespace } from '@voltstream/testing';
import { connectNats, ensureStreams, EventPublisher, isConcurrentAppend, readAggregate } from './index';

const settings: ChargePointSettings = { startMode: 'anyTag', relaxations: [], autoStartIdTag: null, passwordHash: null, description: null };
const tag = { idTag: 'CARD 1.*', firstName: 'Ada', lastName: '', email: '', info: '', expiresAt: null, blocked: false, parentIdTag: null };
const at = new Date(0);

describe('aggregates on a real JetStream: read whole, appended with an expected last sequence', () => {
  const subjects = subjectsFor(uniqueNamespace());
  let nc: NatsConnection;
  let publisher: EventPublisher;
  const registration = (identity: string) => ({ subject: subjects.registration(identity), history: subjects.registrationHistory(identity) });
  const centralTag = (idTag: string) => ({ subject: subjects.centralTag(idTag), history: subjects.centralTag(idTag), legacyHistory: subjects.legacyCentralTags });
  const types = (events: VoltstreamEvent[]) => events.map((event) => event.type);
  /** Stores an event where an older Voltstream did: on a subject per event type (`…registry.<id>.<EventType>`, `…tags.<EventType>`). */
  const storeInOlderLayout = (event: VoltstreamEvent, identity: string | null) => {
    const category = identity === null ? 'tags' : 'registry';
    const where = identity === null ? event.type : `${identity}.${event.type}`;
    return nc.jetstream().publish(subjects.eventsOf(category).replace(/>$/, where), JSONCodec().encode(event));
  };

  beforeAll(async () => {
    nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'aggregates-spec');
    await ensureStreams(nc, subjects);
    publisher = new EventPublisher(nc, subjects);
  });
  afterAll(async () => {
    const jsm = await nc.jetstreamManager();
    for (const stream of [subjects.eventsStream, subjects.billingStream, subjects.transactionIdStream, subjects.reservationIdStream]) await jsm.streams.delete(stream);
    await nc.close();
  });

  it('appends after the version read, and refuses an append expecting a version that is no longer the last', async () => {
    expect(await readAggregate(nc, subjects.eventsStream, registration('CP.1'))).toEqual({ events: [], version: 0 });
    const adopted = await publisher.append(createEvent('ChargePointAdopted', settings, 'CP.1', at), 0);
    await publisher.publish(createEvent('HeartbeatReceived', {}, 'CP.1', at));
    const read = await readAggregate(nc, subjects.eventsStream, registration('CP.1'));
    expect(read).toMatchObject({ events: [{ type: 'ChargePointAdopted' }], version: adopted.seq });

    const first = publisher.append(createEvent('ChargePointSettingsChanged', { ...settings, description: 'first' }, 'CP.1', at), read.version);
    const second = publisher.append(createEvent('ChargePointSettingsChanged', { ...settings, description: 'second' }, 'CP.1', at), read.version);
    const [won, lost] = await Promise.allSettled([first, second]);
    expect(won.status).toBe('fulfilled');
    expect(lost.status === 'rejected' && isConcurrentAppend(lost.reason)).toBe(true);
    expect(types((await readAggregate(nc, subjects.eventsStream, registration('CP.1'))).events)).toEqual(['ChargePointAdopted', 'ChargePointSettingsChanged']);
  });

  it('reads a registration stored in the older layout (one subject per event type) with what is appended after it', async () => {
    await storeInOlderLayout(createEvent('ChargePointAdopted', settings, 'CP-OLD', at), 'CP-OLD');
    await storeInOlderLayout(createEvent('LocalTagSaved', { tag }, 'CP-OLD', at), 'CP-OLD');
    const read = await readAggregate(nc, subjects.eventsStream, registration('CP-OLD'));
    expect(read).toMatchObject({ events: [{ type: 'ChargePointAdopted' }, { type: 'LocalTagSaved' }], version: 0 });
    const changed = await publisher.append(createEvent('ChargePointSettingsChanged', settings, 'CP-OLD', at), read.version);
    expect(await readAggregate(nc, subjects.eventsStream, registration('CP-OLD'))).toMatchObject({
      events: [{ type: 'ChargePointAdopted' }, { type: 'LocalTagSaved' }, { type: 'ChargePointSettingsChanged' }],
      version: changed.seq,
    });
  });

  it('reads a central tag from the older shared subjects until it has an event on its own', async () => {
    await storeInOlderLayout(createEvent('TagSaved', { tag }, null, at), null);
    const read = await readAggregate(nc, subjects.eventsStream, centralTag(tag.idTag));
    expect(read).toMatchObject({ events: [{ type: 'TagSaved' }], version: 0 });
    const removed = await publisher.append(createEvent('TagRemoved', { idTag: tag.idTag }, null, at), 0);
    expect(await readAggregate(nc, subjects.eventsStream, centralTag(tag.idTag))).toEqual({
      events: [createEvent('TagRemoved', { idTag: tag.idTag }, null, at)],
      version: removed.seq,
    });
  });
});
