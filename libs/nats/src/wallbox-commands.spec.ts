import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSONCodec, type NatsConnection } from 'nats';
import { createEvent, subjectsFor, type WallboxCommand } from '@voltstream/contracts';
import { uniqueNamespace } from '@voltstream/testing';
import { connectNats, CORRELATION_ID_HEADER, ensureStreams, EventPublisher, WallboxCommands } from './index';

const reset: WallboxCommand = { action: 'Reset', payload: { type: 'Soft' } };
const codec = JSONCodec();

describe('WallboxCommands on a real JetStream', () => {
  const subjects = subjectsFor(uniqueNamespace());
  let nc: NatsConnection;
  let publisher: EventPublisher;
  let commands: WallboxCommands;

  const connected = (identity: string, gatewayId: string) =>
    publisher.publish(createEvent('ChargePointConnected', { connectionId: `${identity}@${gatewayId}`, gatewayId }, identity, new Date()));

  /** A gateway pod: answers every command with the name of the pod and the command's correlation id. */
  const pod = (gatewayId: string) =>
    nc.subscribe(subjects.commandsOf(gatewayId), {
      callback: (_error, message) => message.respond(codec.encode({ answeredBy: gatewayId, subject: message.subject, correlationId: message.headers?.get(CORRELATION_ID_HEADER) })),
    });

  beforeAll(async () => {
    nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'wallbox-commands-spec');
    await ensureStreams(nc, subjects);
    publisher = new EventPublisher(nc, subjects);
    commands = new WallboxCommands(nc, subjects);
  });
  afterAll(async () => {
    const jsm = await nc.jetstreamManager();
    for (const stream of [subjects.eventsStream, subjects.billingStream, subjects.transactionIdStream, subjects.reservationIdStream]) await jsm.streams.delete(stream);
    await nc.close();
  });

  it('finds a wallbox that never connected offline', async () => {
    expect(await commands.send('NEVER', reset, 1000, 'spec-1')).toEqual({ kind: 'offline' });
  });

  it('finds a wallbox offline whose pod is gone', async () => {
    await connected('ORPHAN', 'gone.pod-1');
    expect(await commands.send('ORPHAN', reset, 1000, 'spec-2')).toEqual({ kind: 'offline' });
  });

  it('sends to the pod that recorded the latest connection, on its one subscription, with its correlation id', async () => {
    const pods = [pod('pod-a'), pod('pod.b')];
    await nc.flush();
    await connected('CP.1*', 'pod-a');
    await connected('CP.1*', 'pod.b');
    const delivery = await commands.send('CP.1*', reset, 1000, 'spec-3');
    expect(delivery.kind).toBe('reply');
    expect(delivery.kind === 'reply' && codec.decode(delivery.data)).toEqual({ answeredBy: 'pod.b', subject: subjects.command('pod.b', 'CP.1*'), correlationId: 'spec-3' });
    pods.forEach((subscription) => subscription.unsubscribe());
  });

  it('times out when the pod does not answer', async () => {
    const silent = nc.subscribe(subjects.commandsOf('silent-pod'), { callback: () => undefined });
    await nc.flush();
    await connected('SLOW', 'silent-pod');
    expect(await commands.send('SLOW', reset, 300, 'spec-4')).toEqual({ kind: 'timeout' });
    silent.unsubscribe();
  });
});
