import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { NATS_CONNECTION, READ_MODELS } from '../infrastructure/tokens';

const PING_TIMEOUT_MS = 2000;

/** Readiness of what the API depends on: the event log (NATS) and the read models (Postgres). */
@Injectable()
export class DependenciesHealth {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  async nats(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('nats');
    try {
      const rttMs = await withTimeout(this.nc.rtt(), 'NATS');
      return indicator.up({ rttMs });
    } catch (error) {
      return indicator.down({ message: String(error) });
    }
  }

  async postgres(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('postgres');
    try {
      await withTimeout(this.readModels.query('SELECT 1'), 'Postgres');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: String(error) });
    }
  }
}

async function withTimeout<T>(work: Promise<T>, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
