import { CallFailedError } from '@voltstream/simulator';
import { Reservoir } from '../stats';
import type { LoadResult } from './protocol';

/** Latency samples kept per worker; plenty for a p99 and small enough for IPC. */
export const SAMPLES_PER_WORKER = 50_000;

/** A failure as a short, countable kind: `timeout`, `offline`, `callError:InternalError`, … */
export function failureKind(error: unknown): string {
  if (error instanceof CallFailedError) return error.failure === 'callError' ? `callError:${error.errorCode}` : error.failure;
  if (error instanceof Error) return error.name === 'Error' ? error.message.slice(0, 60) : error.name;
  return String(error).slice(0, 60);
}

/** Counts answers and failures of one load task and samples the answers' latencies. */
export class CallRecorder {
  private answered = 0;
  private failed = 0;
  private readonly failures: Record<string, number> = {};
  private readonly latencies = new Reservoir(SAMPLES_PER_WORKER);

  succeed(latencyMs: number): void {
    this.answered++;
    this.latencies.add(latencyMs);
  }

  fail(kind: string): void {
    this.failed++;
    this.failures[kind] = (this.failures[kind] ?? 0) + 1;
  }

  result(durationMs: number): LoadResult {
    return {
      answered: this.answered,
      failed: this.failed,
      failures: { ...this.failures },
      latencies: { samples: this.latencies.samples(), seen: this.latencies.seen },
      durationMs,
    };
  }
}
