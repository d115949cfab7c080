import type { LoggerService } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { connectReadModels, migrateReadModels, readModelOptions } from '@voltstream/read-models';

const RETRY_MS = 2000;

/**
 * Where the database of parked events stands: not reached yet (Postgres down), reached with its
 * schema not yet migrated (this service, or another holding the migration lock, is migrating it),
 * or open.
 */
export type ParkingDatabaseState = 'unreached' | 'migrating' | 'open';

/**
 * The read models' database, which this service needs only to park events: opened in the
 * background and tried again while Postgres is down, so that wallboxes are answered without it.
 * Until it is open, parking fails as an outage does, and the event is delivered again.
 */
export class ParkingDatabase {
  readonly dataSource: DataSource;
  private current: ParkingDatabaseState = 'unreached';
  private stopped = false;
  private readonly opening: Promise<void>;

  constructor(databaseUrl: string, private readonly logger: LoggerService) {
    this.dataSource = new DataSource(readModelOptions(databaseUrl));
    this.opening = this.open();
  }

  get state(): ParkingDatabaseState {
    return this.current;
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.opening;
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private async open(): Promise<void> {
    while (!this.stopped) {
      try {
        await connectReadModels(this.dataSource);
        this.current = 'migrating';
        await migrateReadModels(this.dataSource);
        this.current = 'open';
        return;
      } catch (error) {
        this.logger.warn(`The database of parked events is not available, trying again in ${RETRY_MS} ms: ${String(error)}`);
        await delay(RETRY_MS);
      }
    }
  }
}
