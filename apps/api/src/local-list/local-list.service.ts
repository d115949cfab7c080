import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import type { LocalListRequest, Subjects } from '@voltstream/contracts';
import { interpretCommandReply } from '@voltstream/domain';
import { correlationHeaders } from '@voltstream/nats';
import { LocalListSyncRow } from '@voltstream/read-models';
import { JSONCodec, type NatsConnection } from 'nats';
import type { DataSource, Repository } from 'typeorm';
import { ChargePointsService } from '../charge-points/charge-points.service';
import type { WallboxAnswer } from '../commands/commands.service';
import { currentCorrelationId } from '../infrastructure/correlation';
import { OperationFailedError } from '../infrastructure/operation-failed.error';
import { API_CONFIG, NATS_CONNECTION, READ_MODELS, SUBJECTS } from '../infrastructure/tokens';
import { toLocalListView, type LocalListView } from './local-list.view';

/** A sync sends GetConfiguration, then up to a few chunks (and a full list after a VersionMismatch). */
const CALLS_PER_REQUEST = 4;
const codec = JSONCodec<LocalListRequest>();

/**
 * Local Auth List Management for operators: the sync state from the read model; syncs and
 * GetLocalListVersion asked of the authorization service (one replica, which records what it learns).
 */
@Injectable()
export class LocalListService {
  private readonly syncs: Repository<LocalListSyncRow>;

  constructor(
    @Inject(READ_MODELS) readModels: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
    @Inject(API_CONFIG) private readonly config: Config,
    private readonly chargePoints: ChargePointsService,
  ) {
    this.syncs = readModels.getRepository(LocalListSyncRow);
  }

  async get(identity: string): Promise<LocalListView> {
    await this.chargePoints.assertKnown(identity);
    return this.find(identity);
  }

  /** As the read model holds it, whether or not the charge point is known. */
  async find(identity: string): Promise<LocalListView> {
    return toLocalListView(await this.syncs.findOneBy({ chargePointIdentity: identity }));
  }

  sync(identity: string, options: { full?: boolean; empty?: boolean }): Promise<WallboxAnswer> {
    return this.ask({ identity, action: 'sync', ...options });
  }

  readVersion(identity: string): Promise<WallboxAnswer> {
    return this.ask({ identity, action: 'version' });
  }

  private async ask(request: LocalListRequest): Promise<WallboxAnswer> {
    await this.chargePoints.assertKnown(request.identity);
    const timeout = (this.config.ocppCallTimeout * 1000 + 2000) * CALLS_PER_REQUEST;
    const reply = await this.nc.request(this.subjects.localListRequests, codec.encode(request), { timeout, headers: correlationHeaders(currentCorrelationId()) });
    const result = interpretCommandReply(request.identity, reply.data);
    if (result.ok) return result.payload;
    // The authorization service refuses a charge point that is not adopted: it has no list to hold.
    if (result.failure.kind === 'invalid') throw new OperationFailedError({ kind: 'conflict', message: result.failure.message });
    throw new OperationFailedError(result.failure);
  }
}
