import type { GetConfigurationConfirmation } from '@voltstream/ocpp';
import { INT32_MAX } from './value-limits';

/** OCPP 1.6 §9.1: the number of physical connectors; read-only, so no ChangeConfiguration alters it. */
const NUMBER_OF_CONNECTORS = 'numberofconnectors';
const COUNT = /^\s*\d{1,10}\s*$/;

/**
 * NumberOfConnectors from a (validated) GetConfiguration confirmation, when it lists the key with
 * a count of at least 1; keys are CiString, so matched without regard to case.
 */
export function numberOfConnectorsIn(confirmation: GetConfigurationConfirmation): number | undefined {
  const entry = confirmation.configurationKey?.find(({ key }) => key.toLowerCase() === NUMBER_OF_CONNECTORS);
  if (entry?.value === undefined || !COUNT.test(entry.value)) return undefined;
  const count = Number(entry.value);
  return count >= 1 && count <= INT32_MAX ? count : undefined;
}
