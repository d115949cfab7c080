import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from 'nats';
import { openLeaseBucket } from '@voltstream/nats';
import { countEvents, GatewayProcess, lastEvent } from '@voltstream/testing';
import { ACCEPT_ALL, standInForAuthorization } from './support/authorization-stand-in';
import { GatewayTestbed } from './support/gateway-under-test';
import { command } from './support/operator';
import { TestWallbox } from './support/wallbox';

/** Two gateway pods side by side, each its own process built from dist (run `npm run build` first). */
describe('two OCPP gateway processes', () => {
  const testbed = new GatewayTestbed();
  let stand: Subscription[];
  let podA: GatewayProcess;
  let podB: GatewayProcess;

  beforeAll(async () => {
    await testbed.setUp();
    stand = standInForAuthorization(testbed.nc, testbed.subjects, ACCEPT_ALL);
    [podA, podB] = await Promise.all([GatewayProcess.start(testbed.env()), GatewayProcess.start(testbed.env())]);
  });
  afterAll(async () => {
    await Promise.all([podA?.stop(), podB?.stop()]);
    for (const subscription of stand) subscription.unsubscribe();
    await testbed.tearDown();
  });

  const reset = { action: 'Reset', payload: { type: 'Soft' } };
  const send = (identity: string) => command(testbed.nc, testbed.subjects, identity, reset);

  /** Answers every Reset the wallbox receives with `status`. */
  function answerResets(wallbox: TestWallbox, status: string): void {
    wallbox.socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[0] === 2 && frame[2] === 'Reset') wallbox.answer(frame, { status });
    });
  }

  it('a command reaches the wallbox through whichever pod holds it', async () => {
    const onA = await TestWallbox.open(podA.url, 'POD-CP-1');
    const onB = await TestWallbox.open(podB.url, 'POD-CP-2');
    answerResets(onA, 'Accepted');
    answerResets(onB, 'Rejected');
    await expect.poll(() => send('POD-CP-1').then((reply) => reply.outcome, () => 'unreachable')).toBe('result');
    expect(await send('POD-CP-1')).toEqual({ outcome: 'result', payload: { status: 'Accepted' } });
    await expect.poll(() => send('POD-CP-2').then((reply) => JSON.stringify(reply), () => 'unreachable')).toBe(
      JSON.stringify({ outcome: 'result', payload: { status: 'Rejected' } }),
    );
    expect(await onA.call('Heartbeat', {})).toMatchObject({ 0: 3 });
    expect(await onB.call('Heartbeat', {})).toMatchObject({ 0: 3 });
    await Promise.all([onA.close(), onB.close()]);
  });

  it('a wallbox reconnecting to the other pod is taken over there: the old socket is closed and commands follow', async () => {
    const first = await TestWallbox.open(podA.url, 'POD-CP-3');
    answerResets(first, 'Accepted');
    await expect.poll(() => send('POD-CP-3').then((reply) => reply.outcome, () => 'unreachable')).toBe('result');

    const second = await TestWallbox.open(podB.url, 'POD-CP-3');
    answerResets(second, 'Rejected');
    expect(await first.closed).toEqual({ code: 1000, reason: 'replaced by a newer connection' });
    await expect.poll(() => send('POD-CP-3').then((reply) => JSON.stringify(reply), () => 'unreachable')).toBe(
      JSON.stringify({ outcome: 'result', payload: { status: 'Rejected' } }),
    );
    expect(await countEvents(testbed.nc, testbed.subjects, 'POD-CP-3', 'ChargePointConnected')).toBe(2);
    await expect.poll(() => lastEvent(testbed.nc, testbed.subjects, 'POD-CP-3', 'ChargePointDisconnected')).toMatchObject({
      data: { reason: 'replaced by a newer connection' },
    });
    await second.close();
  });

  it('on SIGTERM a pod closes its wallboxes with 1001 "going away", records it, gives its lease back, and exits', async () => {
    const wallbox = await TestWallbox.open(podB.url, 'POD-CP-4');
    await expect.poll(() => countEvents(testbed.nc, testbed.subjects, 'POD-CP-4', 'ChargePointConnected')).toBe(1);
    const leases = await openLeaseBucket(testbed.nc, testbed.subjects.gatewayLeasesBucket);
    expect((await leases.status()).values).toBe(2);
    const stopped = podB.stop();
    expect(await wallbox.closed).toEqual({ code: 1001, reason: 'going away' });
    expect(await stopped).toMatchObject({ signal: 'SIGTERM' });
    expect(await lastEvent(testbed.nc, testbed.subjects, 'POD-CP-4', 'ChargePointDisconnected')).toMatchObject({ data: { reason: 'going away' } });
    const remaining: string[] = [];
    for await (const key of await leases.keys()) remaining.push(key);
    expect(remaining).toHaveLength(1);
    const again = await TestWallbox.open(podA.url, 'POD-CP-4');
    await again.close();
  });
});
