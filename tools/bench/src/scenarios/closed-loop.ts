import { status, step, type ScenarioContext } from '../context';
import type { LoadFleet } from '../load/load-fleet';
import type { LoadResult } from '../load/protocol';
import { perSecond } from '../stats';
import { formatNumber } from '../table';

export interface ThroughputSize {
  wallboxes: number;
  warmupMs: number;
  durationMs: number;
}

export interface Throughput {
  perSecond: number | null;
  result: LoadResult;
}

/** MeterValues from every wallbox of the fleet in a closed loop; answers per second inside the window. */
export async function closedLoop(context: ScenarioContext, label: string, fleet: LoadFleet, size: Omit<ThroughputSize, 'wallboxes'>): Promise<Throughput> {
  const measureFrom = Date.now() + size.warmupMs;
  const measureUntil = measureFrom + size.durationMs;
  status(context, `${label}: MeterValues in a closed loop for ${(size.warmupMs + size.durationMs) / 1000} s`);
  const result = await fleet.run(() => ({ type: 'meterValues', measureFrom, measureUntil }), size.warmupMs + size.durationMs + 60_000);
  const rate = perSecond(result.answered, size.durationMs);
  step(context, `${label}: ${formatNumber(rate)} answered/s, ${formatNumber(result.failed)} failed`);
  return { perSecond: rate, result };
}
