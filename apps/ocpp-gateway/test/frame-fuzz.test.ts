import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callText, eventsBreakingTheirContract, FIELDS, hostileFrame, integerFieldsOfSchemas, PipelinedWallbox, type Expected, type Frame, type HostileFrame } from '@voltstream/testing';
import { PodUnderAttack } from './support/pod-under-attack';

const HOSTILE_WALLBOXES = 3;
/** Bounded for a busy 2-core machine: about 400 × 15 frames, a few seconds. */
const RUNS = 400;

/** An answer as the oracle states it: `result`, `error <code>`, or what happened instead. */
function judged(answer: Frame): string {
  if (answer[0] === 3) return 'result';
  if (answer[0] === 4) return `error ${String(answer[2])}`;
  return answer.join(' ');
}

const owed = (expected: Expected) => (expected.answer === 'result' ? 'result' : `error ${expected.code}`);

/** Generated hostile frames (fast-check) from real WebSocket wallboxes to a gateway process of its own (`npm run build` first). */
describe('a gateway process fed thousands of generated hostile frames', () => {
  const attack = new PodUnderAttack();
  let hostile: PipelinedWallbox[];

  beforeAll(async () => {
    await attack.start();
    hostile = await Promise.all(Array.from({ length: HOSTILE_WALLBOXES }, (_, index) => PipelinedWallbox.open(attack.pod.url, `HOSTILE-${index}`)));
  });
  afterAll(async () => {
    await Promise.all((hostile ?? []).map((wallbox) => wallbox.close()));
    await attack.stop();
  });

  it('generates out-of-range values for every integer field of every call a wallbox sends (read from the official schemas)', () => {
    const fuzzed = Object.entries(FIELDS).flatMap(([action, fields]) =>
      fields.filter((field) => field.schema.type === 'integer').map((field) => `${action}.${String(field.path[field.path.length - 1])}`),
    );
    expect(fuzzed.sort()).toEqual(integerFieldsOfSchemas().sort());
  });

  it('answers every frame with the CALLRESULT or CALLERROR it is owed, serves a healthy wallbox throughout, and never exits', async () => {
    let sent = 0;
    const batches = fc.array(hostileFrame, { minLength: 5, maxLength: 25 });
    await fc.assert(
      fc.asyncProperty(batches, fc.nat(HOSTILE_WALLBOXES - 1), async (batch: HostileFrame[], which: number) => {
        const calls = batch.map((frame) => {
          const uniqueId = `f${++sent}`;
          return { uniqueId, text: callText(uniqueId, frame) };
        });
        const answers = await hostile[which].callAll(calls);
        const wrong = batch.flatMap((frame, index) =>
          judged(answers[index]) === owed(frame.expected) ? [] : [`${frame.kind} (${frame.action}): ${judged(answers[index])}, owed ${owed(frame.expected)}: ${calls[index].text.slice(0, 300)}`],
        );
        expect(wrong).toEqual([]);
        await attack.expectServing();
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(sent).toBeGreaterThan(4_000);
  });

  it('recorded only events that fit their data contract: no consumer has to park what a hostile wallbox got answered', async () => {
    expect(await eventsBreakingTheirContract(attack.testbed.nc, attack.testbed.subjects)).toEqual([]);
  });
});
