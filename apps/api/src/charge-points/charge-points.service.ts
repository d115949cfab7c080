import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import {
  decideChargePointForget,
  decideChargePointUpdate,
  decidePasswordChange,
  decidePasswordRotationAbandon,
  decidePasswordRotationStart,
  decideSecurityProfileRaise,
  securityProfileRaiseProblem,
  chargePointRecord,
  hashPassword,
  type ChargePointChanges,
  type ChargePointRecord,
  type OperationDecision,
  type RaiseSecurityProfile,
  type Registration,
} from '@voltstream/domain';
import type { SecurityProfile, VoltstreamEvent } from '@voltstream/contracts';
import { ChargePointRow, type ChargePointState } from '@voltstream/read-models';
import { In, type DataSource, type Repository } from 'typeorm';
import { EventLog } from '../infrastructure/event-log.service';
import { notFound } from '../infrastructure/operation-failed.error';
import type { PutOutcome } from '../infrastructure/resource-routes';
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
    const command = { identity, changes: toChanges(body), defaultStartMode: this.config.defaultStartMode, at: new Date() };
    const before = await this.change(identity, (record) => decideChargePointUpdate(command, record));
    return { resource: await this.get(identity), created: before === undefined };
  }

  /** Records the password of a rotation about to be sent: it opens the handshake already. @returns its hash */
  async startPasswordRotation(identity: string, password: Buffer): Promise<string> {
    const command = { identity, passwordHash: hashPassword(password), at: new Date() };
    await this.change(identity, (record) => decidePasswordRotationStart(command, record));
    return command.passwordHash;
  }

  /** The wallbox did not take the password of the rotation: it no longer opens the handshake. */
  async abandonPasswordRotation(identity: string): Promise<void> {
    await this.change(identity, (record) => decidePasswordRotationAbandon({ identity, at: new Date() }, record));
  }

  /** Records a password the wallbox accepted; the previous one stays valid until the wallbox uses the new one. */
  async changePassword(identity: string, passwordHash: string): Promise<void> {
    const command = { identity, passwordHash, at: new Date() };
    await this.change(identity, (record) => decidePasswordChange(command, record));
  }

  /** TC_083, before ChangeConfiguration SecurityProfile is sent: refuses what could not be recorded. @returns the profile in force */
  async checkSecurityProfileRaise(identity: string, securityProfile: SecurityProfile): Promise<SecurityProfile> {
    const command = { identity, securityProfile, at: new Date() };
    const registration = await this.change(identity, (record) => {
      const failure = securityProfileRaiseProblem(command, record);
      return failure ? { ok: false, failure } : { ok: true, events: [] };
    });
    return registration?.settings.securityProfile ?? 0;
  }

  /** Records the profile the wallbox accepted (ChangeConfiguration SecurityProfile): enforced from now on. */
  async raiseSecurityProfile(command: RaiseSecurityProfile): Promise<void> {
    await this.change(command.identity, (record) => decideSecurityProfileRaise(command, record));
  }

  async forget(identity: string): Promise<void> {
    await this.change(identity, (record) => decideChargePointForget({ identity, at: new Date() }, record));
  }

  /** The read models know the identity: it connected once (or was adopted). */
  isKnown(identity: string): Promise<boolean> {
    return this.chargePoints.existsBy({ identity });
  }

  /** 404 unless the read models know the charge point. */
  async assertKnown(identity: string): Promise<void> {
    if (!(await this.isKnown(identity))) throw notFound(`charge point ${identity} not found`);
  }

  /** Decides a write over the charge point's record in the log. @returns the registration it was decided over */
  private async change<E extends VoltstreamEvent>(
    identity: string,
    decide: (record: ChargePointRecord) => OperationDecision<E>,
  ): Promise<Registration | undefined> {
    const known = await this.isKnown(identity);
    return this.eventLog.changeRegistration(identity, (registration) => decide(chargePointRecord(known, registration)));
  }
}

function toChanges(body: PutChargePointBody): ChargePointChanges {
  const { password, ...changes } = body;
  if (password === undefined) return changes;
  return { ...changes, passwordHash: password === null ? null : hashPassword(password) };
}
