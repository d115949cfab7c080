import type { CompletedTransaction, VoltstreamEvent } from '@voltstream/contracts';
import type { ChargingProfileChange } from './charging-profiles';
import { certificateOwner, type InstalledCertificateChange } from './installed-certificates';
import type { ProjectionChange, ProjectionView } from './changes';
import { project } from './project';
import type {
  ProjectedChargePoint,
  ProjectedConnector,
  ProjectedLocalListSync,
  ProjectedLocalTag,
  NumberedDataTransfer,
  NumberedSecurityEvent,
  NumberedMeterValue,
  ProjectedReservation,
  ProjectedTag,
  ProjectedTransaction,
} from './records';

/** The rows a batch of events may read, loaded before it is projected. */
export interface LoadedRows {
  chargePoints: ProjectedChargePoint[];
  connectors: ProjectedConnector[];
  transactions: ProjectedTransaction[];
  reservations: ProjectedReservation[];
  localListSyncs: ProjectedLocalListSync[];
  /** Of the identities loaded, those that may hold a charging profile. */
  chargingProfileHolders: string[];
}

/** Nothing loaded: the rows of a batch over an empty database. */
export function noRows(): LoadedRows {
  return { chargePoints: [], connectors: [], transactions: [], reservations: [], localListSyncs: [], chargingProfileHolders: [] };
}

export interface RowsToLoad {
  identities: string[];
  /** Besides these, the transactions running on the loaded connectors. */
  transactionIds: number[];
  reservationIds: number[];
}

/** What a batch leaves to write, in this order, in one database transaction. */
export interface ProjectionWrites {
  /** Their connectors and local tags go first: rows saved after the forgetting follow. */
  forgottenChargePoints: string[];
  removedChargePoints: string[];
  chargePoints: ProjectedChargePoint[];
  connectors: ProjectedConnector[];
  transactions: ProjectedTransaction[];
  /** A sample sent again is kept once: the first one counts. */
  meterValues: NumberedMeterValue[];
  /** Numbered by the place of their event in the log: one received again is kept once. */
  dataTransfers: NumberedDataTransfer[];
  /** Numbered by the place of their event in the log: one received again is kept once. */
  securityEvents: NumberedSecurityEvent[];
  removedTags: string[];
  tags: ProjectedTag[];
  removedLocalTags: { chargePointIdentity: string; idTag: string }[];
  localTags: ProjectedLocalTag[];
  localListSyncs: ProjectedLocalListSync[];
  completedTransactions: CompletedTransaction[];
  reservations: ProjectedReservation[];
  /** In the order of the log: each is applied over what the ones before it left. */
  chargingProfiles: ChargingProfileChange[];
  /** In the order of the log, as the charging profiles. */
  installedCertificates: InstalledCertificateChange[];
}

function transactionIdOf(event: VoltstreamEvent): number | undefined {
  switch (event.type) {
    case 'TransactionStarted':
    case 'TransactionStopped':
    case 'MeterValuesReported':
      return event.data.transactionId;
    default:
      return undefined;
  }
}

/** The reservation an event names: a step of its lifecycle, or the StartTransaction that may use it. */
export function reservationIdOf(event: VoltstreamEvent): number | undefined {
  switch (event.type) {
    case 'ReservationRequested':
    case 'ReservationAccepted':
    case 'ReservationRejected':
    case 'ReservationCancelled':
    case 'ReservationExpired':
    case 'TransactionStarted':
      return event.data.reservationId;
    default:
      return undefined;
  }
}

export function rowsToLoad(events: VoltstreamEvent[]): RowsToLoad {
  const identities = new Set(events.map((event) => event.metadata.chargePoint).filter((identity) => identity !== null));
  const transactionIds = new Set(events.map(transactionIdOf).filter((id) => id !== undefined));
  const reservationIds = new Set(events.map(reservationIdOf).filter((id) => id !== undefined));
  return { identities: [...identities], transactionIds: [...transactionIds], reservationIds: [...reservationIds] };
}

/**
 * Room for the sampled values of one event in a meter value id (event sequence × this + index):
 * a frame of 128 KiB holds fewer than 10,000 of them.
 */
export const SAMPLES_PER_EVENT = 65_536;

function sampleKey(sample: NumberedMeterValue): string {
  const { chargePointIdentity, connectorId, orderedAt, measurand, phase, location, context } = sample;
  return JSON.stringify([chargePointIdentity, connectorId, orderedAt.getTime(), measurand, phase, location, context]);
}

function localTagKey(chargePointIdentity: string, idTag: string): string {
  return JSON.stringify([chargePointIdentity, idTag]);
}

function profileOwner(change: ChargingProfileChange): string {
  return change.type === 'chargingProfileInstalled' ? change.row.chargePointIdentity : change.chargePointIdentity;
}

function present<T>(entries: Iterable<T | null>): T[] {
  return [...entries].filter((entry): entry is T => entry !== null);
}

/**
 * Projects a batch of events in memory over the rows they touch, so that the whole batch is
 * written with a few multi-row statements. Each event sees the rows as the events before it left them.
 */
export class ProjectionBatch implements ProjectionView {
  /** null: forgotten in this batch. */
  private readonly chargePoints = new Map<string, ProjectedChargePoint | null>();
  private readonly changedChargePoints = new Set<string>();
  private readonly forgotten = new Set<string>();
  private readonly connectors = new Map<string, Map<number, ProjectedConnector>>();
  private readonly changedConnectors = new Map<string, Set<number>>();
  private readonly transactions = new Map<number, ProjectedTransaction>();
  private readonly changedTransactions = new Set<number>();
  private readonly meterValues = new Map<string, NumberedMeterValue>();
  private readonly dataTransfers: NumberedDataTransfer[] = [];
  private readonly securityEvents: NumberedSecurityEvent[] = [];
  private readonly tags = new Map<string, ProjectedTag | null>();
  private readonly localTags = new Map<string, { chargePointIdentity: string; idTag: string; row: ProjectedLocalTag | null }>();
  private readonly completed: CompletedTransaction[] = [];
  private readonly reservations = new Map<number, ProjectedReservation>();
  private readonly changedReservations = new Set<number>();
  private readonly localListSyncs = new Map<string, ProjectedLocalListSync>();
  private readonly changedLocalListSyncs = new Set<string>();
  private chargingProfiles: ChargingProfileChange[] = [];
  private installedCertificates: InstalledCertificateChange[] = [];
  private readonly chargingProfileHolders: Set<string>;

  constructor(loaded: LoadedRows = noRows()) {
    this.chargingProfileHolders = new Set(loaded.chargingProfileHolders);
    for (const chargePoint of loaded.chargePoints) this.chargePoints.set(chargePoint.identity, chargePoint);
    for (const connector of loaded.connectors) this.connectorsOf(connector.chargePointIdentity).set(connector.connectorId, connector);
    for (const transaction of loaded.transactions) this.transactions.set(transaction.transactionId, transaction);
    for (const reservation of loaded.reservations) this.reservations.set(reservation.reservationId, reservation);
    for (const sync of loaded.localListSyncs) this.localListSyncs.set(sync.chargePointIdentity, sync);
  }

  chargePoint(identity: string): ProjectedChargePoint | undefined {
    return this.chargePoints.get(identity) ?? undefined;
  }

  connector(identity: string, connectorId: number): ProjectedConnector | undefined {
    return this.connectors.get(identity)?.get(connectorId);
  }

  transaction(transactionId: number): ProjectedTransaction | undefined {
    return this.transactions.get(transactionId);
  }

  reservation(reservationId: number): ProjectedReservation | undefined {
    return this.reservations.get(reservationId);
  }

  localListSync(identity: string): ProjectedLocalListSync | undefined {
    return this.localListSyncs.get(identity);
  }

  mayHoldChargingProfiles(identity: string): boolean {
    return this.chargingProfileHolders.has(identity);
  }

  /**
   * Applies the event stored at `sequence` in the log. Its meter values are numbered by their
   * place in the log, so their ids follow the log whatever the batches and the order of commits.
   */
  apply(event: VoltstreamEvent, sequence: number): void {
    let nextId = sequence * SAMPLES_PER_EVENT;
    for (const change of project(event, this)) {
      if (change.type === 'meterValuesRecorded') this.recordSamples(change.rows.map((row) => ({ ...row, id: nextId++ })));
      else if (change.type === 'dataTransferReceived') this.dataTransfers.push({ ...change.row, id: sequence });
      else if (change.type === 'securityEventReported') this.securityEvents.push({ ...change.row, id: sequence });
      else this.record(change);
    }
  }

  /**
   * Every charge point, connector and transaction this batch holds, loaded or changed, as it
   * leaves them: once its writes are committed, the database holds exactly these for the keys
   * the batch was loaded with.
   */
  rows(): LoadedRows {
    return {
      chargePoints: present(this.chargePoints.values()),
      connectors: [...this.connectors.values()].flatMap((byId) => [...byId.values()]),
      transactions: [...this.transactions.values()],
      reservations: [...this.reservations.values()],
      localListSyncs: [...this.localListSyncs.values()],
      chargingProfileHolders: [...this.chargingProfileHolders],
    };
  }

  writes(): ProjectionWrites {
    const chargePoints = [...this.changedChargePoints].map((identity) => ({ identity, row: this.chargePoints.get(identity) ?? null }));
    const localTags = [...this.localTags.values()];
    return {
      forgottenChargePoints: [...this.forgotten],
      removedChargePoints: chargePoints.filter(({ row }) => row === null).map(({ identity }) => identity),
      chargePoints: present(chargePoints.map(({ row }) => row)),
      connectors: [...this.changedConnectors].flatMap(([identity, ids]) => [...ids].map((id) => this.connectorsOf(identity).get(id) as ProjectedConnector)),
      transactions: [...this.changedTransactions].map((id) => this.transactions.get(id) as ProjectedTransaction),
      meterValues: [...this.meterValues.values()],
      dataTransfers: [...this.dataTransfers],
      securityEvents: [...this.securityEvents],
      removedTags: [...this.tags].filter(([, row]) => row === null).map(([idTag]) => idTag),
      tags: present(this.tags.values()),
      removedLocalTags: localTags.filter(({ row }) => row === null).map(({ chargePointIdentity, idTag }) => ({ chargePointIdentity, idTag })),
      localTags: present(localTags.map(({ row }) => row)),
      localListSyncs: [...this.changedLocalListSyncs].map((identity) => this.localListSyncs.get(identity) as ProjectedLocalListSync),
      completedTransactions: [...this.completed],
      reservations: [...this.changedReservations].map((id) => this.reservations.get(id) as ProjectedReservation),
      chargingProfiles: [...this.chargingProfiles],
      installedCertificates: [...this.installedCertificates],
    };
  }

  private connectorsOf(identity: string): Map<number, ProjectedConnector> {
    const existing = this.connectors.get(identity);
    if (existing) return existing;
    const created = new Map<number, ProjectedConnector>();
    this.connectors.set(identity, created);
    return created;
  }

  private recordSamples(samples: NumberedMeterValue[]): void {
    for (const sample of samples) {
      const key = sampleKey(sample);
      if (!this.meterValues.has(key)) this.meterValues.set(key, sample);
    }
  }

  private record(change: Exclude<ProjectionChange, { type: 'meterValuesRecorded' | 'dataTransferReceived' | 'securityEventReported' }>): void {
    switch (change.type) {
      case 'chargePointSaved':
        this.chargePoints.set(change.row.identity, change.row);
        this.changedChargePoints.add(change.row.identity);
        return;
      case 'chargePointForgotten':
        return this.forget(change.identity);
      case 'connectorSaved': {
        const { chargePointIdentity, connectorId } = change.row;
        this.connectorsOf(chargePointIdentity).set(connectorId, change.row);
        this.changedConnectors.set(chargePointIdentity, (this.changedConnectors.get(chargePointIdentity) ?? new Set()).add(connectorId));
        return;
      }
      case 'transactionSaved':
        this.transactions.set(change.row.transactionId, change.row);
        this.changedTransactions.add(change.row.transactionId);
        return;
      case 'transactionCompleted':
        this.completed.push(change.transaction);
        return;
      case 'tagSaved':
        this.tags.set(change.row.idTag, change.row);
        return;
      case 'tagRemoved':
        this.tags.set(change.idTag, null);
        return;
      case 'localTagSaved': {
        const { chargePointIdentity, idTag } = change.row;
        this.localTags.set(localTagKey(chargePointIdentity, idTag), { chargePointIdentity, idTag, row: change.row });
        return;
      }
      case 'localTagRemoved': {
        const { chargePointIdentity, idTag } = change;
        this.localTags.set(localTagKey(chargePointIdentity, idTag), { chargePointIdentity, idTag, row: null });
        return;
      }
      case 'reservationSaved':
        this.reservations.set(change.row.reservationId, change.row);
        this.changedReservations.add(change.row.reservationId);
        return;
      case 'localListSyncSaved':
        this.localListSyncs.set(change.row.chargePointIdentity, change.row);
        this.changedLocalListSyncs.add(change.row.chargePointIdentity);
        return;
      case 'chargingProfileInstalled':
        this.chargingProfileHolders.add(change.row.chargePointIdentity);
        this.chargingProfiles.push(change);
        return;
      case 'chargingProfilesCleared':
      case 'transactionProfilesEnded':
      case 'remoteStartProfileBound':
        this.chargingProfiles.push(change);
        return;
      case 'installedCertificatesReported':
      case 'installedCertificateSaved':
      case 'installedCertificateRemoved':
        this.installedCertificates.push(change);
        return;
      default: {
        const exhaustive: never = change;
        return exhaustive;
      }
    }
  }

  private forget(identity: string): void {
    this.chargePoints.set(identity, null);
    this.changedChargePoints.add(identity);
    this.forgotten.add(identity);
    this.connectors.delete(identity);
    this.changedConnectors.delete(identity);
    for (const [key, { chargePointIdentity }] of this.localTags) {
      if (chargePointIdentity === identity) this.localTags.delete(key);
    }
    this.chargingProfiles = this.chargingProfiles.filter((change) => profileOwner(change) !== identity);
    this.chargingProfileHolders.delete(identity);
    this.installedCertificates = this.installedCertificates.filter((change) => certificateOwner(change) !== identity);
  }
}
