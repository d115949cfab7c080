import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { READ_MODELS } from './tokens';

const POLL_INTERVAL_MS = 25;

/**
 * Lets a write be answered with the read models that include it: waits until the projection's
 * checkpoint covers the event's stream sequence (reached it, or names it as applied ahead). A
 * projection that lags beyond the limit does not fail the write (the event is stored): the caller
 * says where to look instead.
 */
@Injectable()
export class ProjectionWatermark {
  private readonly logger = new Logger(ProjectionWatermark.name);

  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    /** READ_YOUR_WRITES_WAIT_MS */
    private readonly waitLimitMs: number,
  ) {}

  async reached(sequence: number): Promise<boolean> {
    const deadline = Date.now() + this.waitLimitMs;
    while (!(await this.applied(sequence))) {
      if (Date.now() >= deadline) {
        this.logger.warn(`Read models not at event ${sequence} after ${this.waitLimitMs} ms`);
        return false;
      }
      await pause(POLL_INTERVAL_MS);
    }
    return true;
  }

  /** Every projection must have applied the event. */
  private async applied(sequence: number): Promise<boolean> {
    const [row] = await this.readModels.query<{ applied: boolean }[]>(
      'SELECT count(*) > 0 AND bool_and(sequence >= $1 OR $1 = ANY (applied_above)) AS applied FROM projection_checkpoints',
      [sequence],
    );
    return row.applied;
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
