/** The configuration keys of a simple OCPP 1.6 Core wallbox (OCPP 1.6 §9.1). */
type ValueKind = 'integer' | 'boolean' | 'text';

interface ConfigurationEntry {
  value: string;
  readonly: boolean;
  kind: ValueKind;
}

export type Configuration = Map<string, ConfigurationEntry>;

export interface ConfigurationKeyValue {
  key: string;
  readonly: boolean;
  value: string;
}

export interface GetConfigurationConf {
  configurationKey: ConfigurationKeyValue[];
  unknownKey: string[];
}

export type ChangeConfigurationStatus = 'Accepted' | 'Rejected' | 'NotSupported';

/** The keys of Local Auth List Management, reported only by a wallbox that supports it. */
function localListKeys(maxLength: number): [string, ConfigurationEntry][] {
  return [
    ['LocalAuthListEnabled', { value: 'true', readonly: false, kind: 'boolean' }],
    ['LocalAuthListMaxLength', { value: String(maxLength), readonly: true, kind: 'integer' }],
    ['SendLocalListMaxLength', { value: String(maxLength), readonly: true, kind: 'integer' }],
  ];
}

/** @param localListMaxLength undefined: the wallbox has no local list. */
export function defaultConfiguration(connectors: number, localListMaxLength?: number): Configuration {
  const writable = (kind: ValueKind, value: string): ConfigurationEntry => ({ value, readonly: false, kind });
  const fixed = (kind: ValueKind, value: string): ConfigurationEntry => ({ value, readonly: true, kind });
  return new Map([
    ['AllowOfflineTxForUnknownId', writable('boolean', 'false')],
    ['AuthorizationCacheEnabled', writable('boolean', 'true')],
    ['AuthorizeRemoteTxRequests', writable('boolean', 'false')],
    ['ClockAlignedDataInterval', writable('integer', '0')],
    ['ConnectionTimeOut', writable('integer', '60')],
    ['GetConfigurationMaxKeys', fixed('integer', '50')],
    ['HeartbeatInterval', writable('integer', '300')],
    ['LocalAuthorizeOffline', writable('boolean', 'true')],
    ['LocalPreAuthorize', writable('boolean', 'false')],
    ['MeterValueSampleInterval', writable('integer', '60')],
    ['MeterValuesSampledData', writable('text', 'Energy.Active.Import.Register')],
    ['NumberOfConnectors', fixed('integer', String(connectors))],
    ['ReserveConnectorZeroSupported', fixed('boolean', 'true')],
    ['StopTransactionOnInvalidId', writable('boolean', 'true')],
    ['SupportedFeatureProfiles', fixed('text', localListMaxLength === undefined ? 'Core,RemoteTrigger,SmartCharging,Reservation' : 'Core,LocalAuthListManagement,RemoteTrigger,SmartCharging,Reservation')],
    ['ChargeProfileMaxStackLevel', fixed('integer', '8')],
    ['ChargingScheduleAllowedChargingRateUnit', fixed('text', 'Current,Power')],
    ['ChargingScheduleMaxPeriods', fixed('integer', '24')],
    ['MaxChargingProfilesInstalled', fixed('integer', '16')],
    ...(localListMaxLength === undefined ? [] : localListKeys(localListMaxLength)),
  ]);
}

/** GetConfiguration: every key when none are named, else the named ones and the unknown rest. */
export function readConfiguration(configuration: Configuration, keys: string[] = []): GetConfigurationConf {
  const wanted = keys.length > 0 ? keys : [...configuration.keys()];
  const configurationKey: ConfigurationKeyValue[] = [];
  const unknownKey: string[] = [];
  for (const key of wanted) {
    const entry = configuration.get(key);
    if (entry) configurationKey.push({ key, readonly: entry.readonly, value: entry.value });
    else unknownKey.push(key);
  }
  return { configurationKey, unknownKey };
}

function fitsKind(kind: ValueKind, value: string): boolean {
  if (kind === 'integer') return /^\d+$/.test(value);
  if (kind === 'boolean') return value === 'true' || value === 'false';
  return true;
}

/** ChangeConfiguration: changes `configuration` in place when the key is known and writable. */
export function changeConfiguration(configuration: Configuration, key: string, value: string): ChangeConfigurationStatus {
  const entry = configuration.get(key);
  if (!entry) return 'NotSupported';
  if (entry.readonly || !fitsKind(entry.kind, value)) return 'Rejected';
  entry.value = value;
  return 'Accepted';
}

export function integerSetting(configuration: Configuration, key: string): number {
  return Number(configuration.get(key)?.value ?? 0);
}

export function booleanSetting(configuration: Configuration, key: string): boolean {
  return configuration.get(key)?.value === 'true';
}
