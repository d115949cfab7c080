import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { callText, hostileFrame, PipelinedWallbox, type Expected, type Frame } from '@voltstream/testing';
import { startSystem, type System } from './support/system';
import { adoptedWallbox, chargePoint, connector, eventually, readModelsCaughtUp } from './support/wallboxes';

const owed = (expected: Expected) => (expected.answer === 'result' ? 'result' : `error ${expected.code}`);
const judged = (answer: Frame) => (answer[0] === 3 ? 'result' : answer[0] === 4 ? `error ${String(answer[2])}` : answer.join(' '));

/**
 * The generated hostile frames of the gateway's fuzz test, through the whole system: whatever the
 * gateway records of them — facts with any Unicode the schemas allow, CallRefused for the rest —
 * the projection applies, and it stays caught up for every wallbox.
 */
describe('a burst of hostile frames through the whole system (end to end)', () => {
  let system: System;
  let steady: SimulatedChargePoint;
  let hostile: PipelinedWallbox;

  beforeAll(async () => {
    system = await startSystem();
    steady = await adoptedWallbox(system, 'STEADY-1', { startMode: 'anyTag' });
    hostile = await PipelinedWallbox.open(system.services.ocppUrl.replace(/\/ocpp$/, ''), 'HOSTILE-1');
  });
  afterAll(async () => {
    await hostile?.close();
    await steady?.close();
    await system?.stop();
  });

  it('answers every frame as owed, parks none of the events it recorded, and the read models of the hostile and of a well-formed wallbox keep moving', async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(hostileFrame, { minLength: 5, maxLength: 25 }), async (batch) => {
        const calls = batch.map((frame) => {
          const uniqueId = `e${++sent}`;
          return { uniqueId, text: callText(uniqueId, frame) };
        });
        const answers = await hostile.callAll(calls);
        expect(batch.flatMap((frame, index) => (judged(answers[index]) === owed(frame.expected) ? [] : [`${frame.kind}: ${judged(answers[index])} ${String(answers[index][3])}: ${calls[index].text.slice(0, 200)}`]))).toEqual([]);
      }),
      { numRuns: 80, endOnFailure: true },
    );
    expect(sent).toBeGreaterThan(500);

    await steady.statusNotification(1, 'Faulted', 'GroundFailure');
    await eventually(async () => expect(await connector(system, 'STEADY-1', 1)).toMatchObject({ status: 'Faulted', errorCode: 'GroundFailure' }));
    await readModelsCaughtUp(system, steady);
    expect((await system.api<{ items: unknown[] }>('/api/parked-events')).body.items).toEqual([]);
    const [last] = await hostile.callAll([{ uniqueId: 'last', text: '[2,"last","Authorize",{"idTag":"AFTER-THE-BURST"}]' }]);
    expect(last[0]).toBe(3);
    await eventually(async () => expect((await chargePoint(system, 'HOSTILE-1')).lastIdTag).toBe('AFTER-THE-BURST'));
  });
});
