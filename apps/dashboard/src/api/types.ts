import type {
  ChargePointDetailFieldsFragment,
  ChargePointFieldsFragment,
  ChargingProfilesChangedSubscription,
  ConsumptionQuery,
  FleetQuery,
  GetConfigurationQuery,
  StartMode,
  ReservationFieldsFragment,
  TagFieldsFragment,
  TransactionFieldsFragment,
  TransactionQuery,
  TransactionsQuery,
  TriggerMessage,
} from './generated';

/** The dashboard's names for what its operations read, as generated from the API's schema (generated.ts). */
export type ChargePoint = ChargePointFieldsFragment;
export type Connector = ChargePoint['connectors'][number];
export type ChargePointDetail = ChargePointDetailFieldsFragment;
export type FleetPage = FleetQuery['fleet'];
export type Tag = TagFieldsFragment;
export type TagOwner = Pick<Tag, 'firstName' | 'lastName' | 'email'>;
export type Transaction = TransactionFieldsFragment;
export type TransactionDetail = NonNullable<TransactionQuery['transaction']>;
export type MeterValue = TransactionDetail['meterValues'][number];
export type TransactionPage = TransactionsQuery['transactions'];
export type ConsumptionBucket = ConsumptionQuery['consumption'][number];
export type Reservation = ReservationFieldsFragment;
export type InstalledChargingProfile = ChargingProfilesChangedSubscription['chargingProfilesChanged']['profiles'][number];
export type ConfigurationKey = NonNullable<GetConfigurationQuery['getConfiguration']['configurationKey']>[number];

export const START_MODES = ['auto', 'anyTag', 'centralList', 'localList', 'bothLists'] as const satisfies readonly StartMode[];
export const TRIGGER_MESSAGES = [
  'BootNotification',
  'DiagnosticsStatusNotification',
  'FirmwareStatusNotification',
  'Heartbeat',
  'MeterValues',
  'StatusNotification',
] as const satisfies readonly TriggerMessage[];
