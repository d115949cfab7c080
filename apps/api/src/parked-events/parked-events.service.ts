import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, JSONCodec, NatsError, type NatsConnection } from 'nats';
import { parseRetryReply, type ParkedEventRetryReply, type ParkedEventRetryRequest, type Subjects } from '@voltstream/contracts';
import { ParkedEvents } from '@voltstream/read-models';
import type { DataSource } from 'typeorm';
import { notFound, OperationFailedError } from '../infrastructure/operation-failed.error';
import { NATS_CONNECTION, READ_MODELS, SUBJECTS } from '../infrastructure/tokens';
import { DEFAULT_PAGE_SIZE } from '../infrastructure/params';
import type { ListParkedEventsQuery } from './parked-event.dto';
import { toParkedEventView, type ParkedEventPageView, type ParkedEventView } from './parked-event.view';

/** A retry applies one event: it waits for the batch under way, not more. */
const RETRY_TIMEOUT_MS = 10_000;
const codec = JSONCodec();

@Injectable()
export class ParkedEventsService {
  private readonly parked: ParkedEvents;

  constructor(
    @Inject(READ_MODELS) readModels: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
  ) {
    this.parked = new ParkedEvents(readModels);
  }

  async list({ consumer, state, limit = DEFAULT_PAGE_SIZE, offset = 0 }: ListParkedEventsQuery): Promise<ParkedEventPageView> {
    const { items, total } = await this.parked.page({ consumer, state }, offset, limit);
    return { items: items.map(toParkedEventView), total };
  }

  /** Has the consumer that parked the event apply it again; it records the outcome. */
  async retry(id: number): Promise<ParkedEventView> {
    const row = await this.parked.find(id);
    if (!row) throw notFound(`parked event ${id} not found`);
    if (row.state === 'resolved') throw new OperationFailedError({ kind: 'conflict', message: `parked event ${id} is resolved already` });
    const reply = await this.ask(row.consumer, { id, sequence: row.sequence });
    if (reply.outcome === 'failed') throw new OperationFailedError({ kind: 'conflict', message: `event ${row.sequence} still cannot be applied: ${reply.error}` });
    return toParkedEventView((await this.parked.find(id)) ?? row);
  }

  private async ask(consumer: string, request: ParkedEventRetryRequest): Promise<ParkedEventRetryReply> {
    try {
      const message = await this.nc.request(this.subjects.parkedEventRetry(consumer), codec.encode(request), { timeout: RETRY_TIMEOUT_MS });
      return parseRetryReply(codec.decode(message.data));
    } catch (error) {
      if (error instanceof NatsError && error.code === ErrorCode.NoResponders) {
        throw new OperationFailedError({ kind: 'offline', message: `the consumer ${consumer} is not running: try again once it is` });
      }
      if (error instanceof NatsError && error.code === ErrorCode.Timeout) {
        throw new OperationFailedError({ kind: 'timeout', message: `the consumer ${consumer} did not answer within ${RETRY_TIMEOUT_MS} ms` });
      }
      throw error;
    }
  }
}
