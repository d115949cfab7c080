import type { CompletedTransaction } from '@voltstream/contracts';
import type { ChargingProfileChange } from './charging-profiles';
import type {
  ProjectedChargePoint,
  ProjectedConnector,
  ProjectedLocalListSync,
  ProjectedDataTransfer,
  ProjectedSecurityEvent,
  ProjectedLocalTag,
  ProjectedMeterValue,
  ProjectedTag,
  ProjectedReservation,
  ProjectedTransaction,
} from './records';

/** What one event does to the read models. */
export type ProjectionChange =
  | { type: 'chargePointSaved'; row: ProjectedChargePoint }
  /** The charge point, its connectors and its local tags are gone. */
  | { type: 'chargePointForgotten'; identity: string }
  | { type: 'connectorSaved'; row: ProjectedConnector }
  | { type: 'transactionSaved'; row: ProjectedTransaction }
  /** A known transaction completed: to be published for billing. */
  | { type: 'transactionCompleted'; transaction: CompletedTransaction }
  | { type: 'meterValuesRecorded'; rows: ProjectedMeterValue[] }
  | { type: 'dataTransferReceived'; row: ProjectedDataTransfer }
  | { type: 'securityEventReported'; row: ProjectedSecurityEvent }
  | { type: 'tagSaved'; row: ProjectedTag }
  | { type: 'tagRemoved'; idTag: string }
  | { type: 'localTagSaved'; row: ProjectedLocalTag }
  | { type: 'localTagRemoved'; chargePointIdentity: string; idTag: string }
  | { type: 'reservationSaved'; row: ProjectedReservation }
  | { type: 'localListSyncSaved'; row: ProjectedLocalListSync }
  | ChargingProfileChange;

/** The rows `project` may read: the state before the event. */
export interface ProjectionView {
  chargePoint(identity: string): ProjectedChargePoint | undefined;
  connector(identity: string, connectorId: number): ProjectedConnector | undefined;
  transaction(transactionId: number): ProjectedTransaction | undefined;
  reservation(reservationId: number): ProjectedReservation | undefined;
  localListSync(identity: string): ProjectedLocalListSync | undefined;
  /** False only when the charge point surely holds no charging profile: its starts and stops then change none. */
  mayHoldChargingProfiles(identity: string): boolean;
}
