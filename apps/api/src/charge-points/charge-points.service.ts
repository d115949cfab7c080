import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import {
  decideChargePointForget,
  decideChargePointUpdate,
  hashPassword,
  type ChargePointChanges,
  type ChargePointRecord,
} from '@voltstream/domain';
import { ChargePointRow, type ChargePointState } from '@voltstream/read-models';
import { In, type DataSource, type Repository } from 'typeorm';
import { EventLog } from '../infrastructure/event-log.service';
import { notFound } from '../infrastructure/operation-failed.error';
import type { PutOutcome } from '../infrastructure/resource-routes';
import { RegistrySettings } from '../infrastructure/registry-settings.service';
import { API_CONFIG, READ_MODELS } from '../infrastructure/tokens';
import type { PutChargePointBody } from './charge-point.dto';
import { toChargePointView, type ChargePointView } from './charge-point.view';

/** Reads and operator writes of charge points; shared by the REST controllers and GraphQL. */
@Injectable()
export class ChargePointsService {
  private readonly chargePoints: Repository<ChargePointRow>;

  constructor(
    @Inject(READ_MODELS) readModels: DataSource,
    @Inject(API_CONFIG) private readonly config: Config,
    private readonly registry: RegistrySettings,
    private readonly eventLog: EventLog,
  ) {
    this.chargePoints = readModels.getRepository(ChargePointRow);
  }

  async list(state?: ChargePointState): Promise<ChargePointView[]> {
    const rows = await this.chargePoints.find({
      where: state ? { state } : {},
      relations: { connectors: true },
      order: { identity: 'ASC' },
    });
    return rows.map(toChargePointView);
  }

  async get(identity: string): Promise<ChargePointView> {
    const chargePoint = await this.find(identity);
    if (!chargePoint) throw notFound(`charge point ${identity} not found`);
    return chargePoint;
  }

  /** null when the charge point has no row (any more). */
  async find(identity: string): Promise<ChargePointView | null> {
    const row = await this.chargePoints.findOne({ where: { identity }, relations: { connectors: true } });
    return row && toChargePointView(row);
  }

  /** The charge points of these identities that have a row, in no particular order. */
  async findMany(identities: string[]): Promise<ChargePointView[]> {
    const rows = await this.chargePoints.find({ where: { identity: In(identities) }, relations: { connectors: true } });
    return rows.map(toChargePointView);
  }

  /** Adopts the charge point (created) or changes its settings. */
  async put(identity: string, body: PutChargePointBody): Promise<PutOutcome<ChargePointView>> {
    const current = await this.record(identity);
    const command = { identity, changes: toChanges(body), defaultStartMode: this.config.defaultStartMode, at: new Date() };
    await this.eventLog.commit(decideChargePointUpdate(command, current));
    return { resource: await this.get(identity), created: current.settings === null };
  }

  async forget(identity: string): Promise<void> {
    await this.eventLog.commit(decideChargePointForget({ identity, at: new Date() }, await this.record(identity)));
  }

  /** What a write is decided against: the read models for existence, the event log for the settings. */
  async record(identity: string): Promise<ChargePointRecord> {
    const [known, settings] = await Promise.all([this.chargePoints.existsBy({ identity }), this.registry.of(identity)]);
    return { known, settings };
  }
}

function toChanges(body: PutChargePointBody): ChargePointChanges {
  const { password, ...changes } = body;
  if (password === undefined) return changes;
  return { ...changes, passwordHash: password === null ? null : hashPassword(password) };
}
