import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, type NatsConnection } from 'nats';
import { contractViolations, createEvent, InvalidEventError, subjectsFor, type VoltstreamEvent } from '@voltstream/contracts';
import { uniqueNamespace } from '@voltstream/testing';
import { connectNats, decodeEvent, ensureStreams, EventPublisher, followEvents, lastEventPerSubject } from './index';

const settings = { startMode: 'anyTag' as const, relaxations: [], autoStartIdTag: null, passwordHash: null, description: null };

describe('event log on a real JetStream', () => {
  const subjects = subjectsFor(uniqueNamespace());
  let nc: NatsConnection;
  let publisher: EventPublisher;

  beforeAll(async () => {
    nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'events-spec');
    await ensureStreams(nc, subjects);
    publisher = new EventPublisher(nc, subjects);
  });
  afterAll(async () => {
    const jsm = await nc.jetstreamManager();
    for (const stream of [subjects.eventsStream, subjects.billingStream, subjects.transactionIdStream, subjects.reservationIdStream]) {
      await jsm.streams.delete(stream);
    }
    await nc.close();
  });

  it('stores a retried publish with the same message id once', async () => {
    const event = createEvent('HeartbeatReceived', {}, 'CP.1*', new Date(0));
    const first = await publisher.publish(event, 'CP.1*:42');
    const again = await publisher.publish(event, 'CP.1*:42');
    expect(again.duplicate).toBe(true);
    expect(again.seq).toBe(first.seq);
  });

  it('rejects a publish no stream stores, and one the stream refuses', async () => {
    const event = createEvent('HeartbeatReceived', {}, 'CP-2', new Date(0));
    const nowhere = new EventPublisher(nc, subjectsFor(uniqueNamespace()));
    await expect(nowhere.publish(event)).rejects.toMatchObject({ code: ErrorCode.NoResponders });
    const jsm = await nc.jetstreamManager();
    await jsm.streams.update(subjects.eventsStream, { max_msg_size: 16 });
    try {
      await expect(publisher.publish(event)).rejects.toMatchObject({ api_error: { code: 400 } });
    } finally {
      await jsm.streams.update(subjects.eventsStream, { max_msg_size: -1 });
    }
  });

  it('tells its timing of every publish, stored or refused, once it is settled', async () => {
    const timed: { seconds: number; stored: boolean }[] = [];
    const timing = { published: (seconds: number, stored: boolean) => timed.push({ seconds, stored }) };
    const event = createEvent('HeartbeatReceived', {}, 'CP-3', new Date(0));
    await new EventPublisher(nc, subjects, 5000, timing).publish(event);
    await expect(new EventPublisher(nc, subjectsFor(uniqueNamespace()), 5000, timing).publish(event)).rejects.toMatchObject({ code: ErrorCode.NoResponders });
    expect(timed.map(({ stored }) => stored)).toEqual([true, false]);
    expect(timed.every(({ seconds }) => seconds >= 0 && seconds < 5)).toBe(true);
  });

  it('replays the registry in order and keeps following it', async () => {
    await publisher.publish(createEvent('ChargePointAdopted', settings, 'A', new Date()));
    await publisher.publish(createEvent('ChargePointForgotten', {}, 'A', new Date()));
    const seen: VoltstreamEvent[] = [];
    const follower = await followEvents(nc, subjects.eventsStream, subjects.eventsOf('registry'), ({ event }) => seen.push(event));
    expect(seen.map((event) => event.type)).toEqual(['ChargePointAdopted', 'ChargePointForgotten']);
    await publisher.publish(createEvent('ChargePointAdopted', settings, 'B', new Date()));
    await expect.poll(() => seen.length).toBe(3);
    expect(seen[2].metadata.chargePoint).toBe('B');
    await follower.stop();
  });

  it('reports an event in the log that breaks its contract as an InvalidEventError, and a follower skips it and keeps following', async () => {
    const poison = { ...createEvent('ChargePointAdopted', settings, 'P', new Date()), data: { startMode: 'sometimes' } };
    const js = nc.jetstream();
    const { seq } = await js.publish(subjects.registration('P'), JSON.stringify(poison));
    await js.publish(subjects.registration('P'), '{"type":');
    const stored = await (await nc.jetstreamManager()).streams.getMessage(subjects.eventsStream, { seq });
    expect(() => decodeEvent(stored.data)).toThrow(
      new InvalidEventError('ChargePointAdopted data.startMode must be one of "auto", "anyTag", "centralList", "localList", "bothLists"'),
    );

    const countedBefore = contractViolations.of('event');
    const seen: VoltstreamEvent[] = [];
    const follower = await followEvents(nc, subjects.eventsStream, subjects.registrationHistory('P'), ({ event }) => seen.push(event));
    await publisher.publish(createEvent('ChargePointForgotten', {}, 'P', new Date()));
    await expect.poll(() => seen.map((event) => event.type)).toEqual(['ChargePointForgotten']);
    expect(contractViolations.of('event')).toBe(countedBefore + 2);
    await follower.stop();
  });

  it('skips an event it cannot apply, tells why, and keeps following', async () => {
    const { seq: from } = await publisher.publish(createEvent('ChargePointAdopted', settings, 'BEFORE', new Date()));
    const skipped: { sequence: number; error: string }[] = [];
    const seen: string[] = [];
    const follower = await followEvents(
      nc,
      subjects.eventsStream,
      subjects.eventsOf('registry'),
      ({ event }) => {
        if (event.metadata.chargePoint === 'THROWS') throw new TypeError('cannot fold');
        seen.push(event.metadata.chargePoint ?? '');
      },
      from + 1,
      (sequence, error) => skipped.push({ sequence, error: String(error) }),
    );
    const throwing = await publisher.publish(createEvent('ChargePointAdopted', settings, 'THROWS', new Date()));
    await publisher.publish(createEvent('ChargePointAdopted', settings, 'AFTER', new Date()));
    await expect.poll(() => seen).toEqual(['AFTER']);
    expect(skipped).toEqual([{ sequence: throwing.seq, error: 'TypeError: cannot fold' }]);
    await follower.stop();
  });

  it('stops cleanly when its stream is already gone', async () => {
    const gone = subjectsFor(uniqueNamespace());
    await ensureStreams(nc, gone);
    const follower = await followEvents(nc, gone.eventsStream, gone.eventsOf('registry'), () => undefined);
    const jsm = await nc.jetstreamManager();
    for (const stream of [gone.eventsStream, gone.billingStream, gone.transactionIdStream, gone.reservationIdStream]) await jsm.streams.delete(stream);
    await expect(follower.stop()).resolves.toBeUndefined();
  });

  it('reads the newest event of each subject once, in log order, and leaves no consumer behind', async () => {
    const connected = (identity: string, connectionId: string) => publisher.publish(createEvent('ChargePointConnected', { connectionId, gatewayId: 'pod' }, identity, new Date()));
    const none = await lastEventPerSubject(nc, subjects.eventsStream, subjects.eventsOfType('station', 'ChargePointConnected'));
    await connected('LAST-1', 'a');
    await connected('LAST-2', 'b');
    await connected('LAST-1', 'c');
    await publisher.publish(createEvent('HeartbeatReceived', {}, 'LAST-1', new Date()));
    const newest = await lastEventPerSubject(nc, subjects.eventsStream, subjects.eventsOfType('station', 'ChargePointConnected'));
    expect(none).toEqual([]);
    expect(newest.map(({ event }) => [event.metadata.chargePoint, event.type === 'ChargePointConnected' && event.data.connectionId])).toEqual([
      ['LAST-2', 'b'],
      ['LAST-1', 'c'],
    ]);
    expect(await (await nc.jetstreamManager()).consumers.list(subjects.eventsStream).next()).toEqual([]);
  });

  it('reads the newest event of each of more subjects than one fetch brings', async () => {
    const fleet = Array.from({ length: 1500 }, (_, index) => `FLEET-${index}`);
    await Promise.all(fleet.map((identity) => publisher.publish(createEvent('ChargePointBooted', { vendor: 'V', model: 'M', registrationStatus: 'Accepted' }, identity, new Date()))));
    const newest = await lastEventPerSubject(nc, subjects.eventsStream, subjects.eventsOfType('station', 'ChargePointBooted'));
    expect(newest).toHaveLength(fleet.length);
    expect(new Set(newest.map(({ event }) => event.metadata.chargePoint))).toEqual(new Set(fleet));
  });
});
