export { project, UnprojectableEventError } from './project';
export { noRows, ProjectionBatch, reservationIdOf, rowsToLoad } from './batch';
export { promptFirst } from './prompt-first';
export type { LoadedRows, RowsToLoad, ProjectionWrites } from './batch';
export type { ProjectionChange, ProjectionView } from './changes';
export type { ChargingProfileChange } from './charging-profiles';
export { DEFAULT_MEASURAND, isPlausibleTimestamp } from './meter';
export type {
  ProjectedChargePoint,
  ProjectedConnector,
  ProjectedTransaction,
  ProjectedMeterValue,
  NumberedMeterValue,
  ProjectedDataTransfer,
  NumberedDataTransfer,
  ProjectedTag,
  ProjectedLocalTag,
  ProjectedReservation,
  ReservationState,
  ProjectedLocalListSync,
  ProjectedChargingProfile,
} from './records';
export { OPEN_RESERVATION_STATES } from './reservation';
export { localListSyncState } from './local-list-sync';
export type { InstalledCertificateChange, ProjectedInstalledCertificate } from './installed-certificates';
export { CERTIFICATE_SIGNING_STATUSES, type CertificateSigningStatus } from './certificate-signing';
