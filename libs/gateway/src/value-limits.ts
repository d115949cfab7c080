import type { MeterValue } from '@voltstream/contracts';
import { OcppError } from '@voltstream/ocpp';
import type { StationAction, StationRequests } from './station-messages';

/**
 * What a schema-valid call must also respect before it becomes a fact: the OCPP 1.6 rules the
 * JSON schemas leave out, and what the read models can hold (docs/architecture.md, "Validation").
 * Checked after the schema (the message classes stay equal to the official schemas), on the
 * validated payload; a call beyond them is answered with the CALLERROR returned here and recorded
 * as CallRefused, never as the fact it claims.
 *
 * - An OCPP 1.6 integer is 32 bits (`xs:int` in its SOAP schema): an integer field beyond it is
 *   TypeConstraintViolation (the read models' columns are `integer` too).
 * - A connector id is ≥ 0 (0: the charge point as a whole), ≥ 1 in StartTransaction, and at most
 *   the charge point's NumberOfConnectors when the gateway knows it; meterStart, meterStop and
 *   energy register readings (Wh, as the projection reads them) are 0 … 2^31−1, so that every
 *   consumption fits an integer column: PropertyConstraintViolation.
 * - No text may hold U+0000 or an unpaired surrogate, and no meter value's timestamp may fall
 *   outside the years 1 … 9999 in UTC: PostgreSQL's text and timestamptz cannot store them (the
 *   other timestamps reach the read models only when believable). PropertyConstraintViolation.
 *
 * OCPP 1.6 §4.10: a central system cannot prevent a transaction from stopping. A StopTransaction
 * beyond the limits is therefore confirmed (without idTagInfo) once its CallRefused is stored,
 * rather than answered with a CALLERROR that the wallbox would retry in vain.
 */
export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;

/** What the gateway knows of the charge point beyond the call. */
export interface StationLimits {
  /** From the wallbox's answer to a GetConfiguration listing NumberOfConnectors, on this connection. */
  numberOfConnectors: number | undefined;
}

type Refusal = OcppError | null;

function typeViolation(path: string, value: number): OcppError {
  return new OcppError('TypeConstraintViolation', `${path}: must be a 32-bit integer (OCPP 1.6 integer), got ${value}`);
}

function propertyViolation(path: string, reason: string): OcppError {
  return new OcppError('PropertyConstraintViolation', `${path}: ${reason}`);
}

function int32(path: string, value: number | undefined): Refusal {
  return value === undefined || (value >= INT32_MIN && value <= INT32_MAX) ? null : typeViolation(path, value);
}

function connector(value: number, lowest: 0 | 1, station: StationLimits): Refusal {
  const path = 'connectorId';
  const refusal = int32(path, value);
  if (refusal) return refusal;
  if (value < lowest) return propertyViolation(path, lowest === 0 ? 'must be 0 (the charge point) or a connector ≥ 1' : 'must be a connector ≥ 1');
  const count = station.numberOfConnectors;
  if (count !== undefined && value > count) return propertyViolation(path, `the charge point has ${count} connectors (NumberOfConnectors)`);
  return null;
}

function meterReading(path: string, value: number): Refusal {
  return int32(path, value) ?? (value < 0 ? propertyViolation(path, 'a meter reading in Wh must not be negative') : null);
}

/** The reading of an energy register in Wh, as the projection reads it; undefined for any other sample. */
function registerWh(measurand: string | undefined, unit: string | undefined, format: string | undefined, value: string): number | undefined {
  if (format === 'SignedData' || !(measurand ?? 'Energy.Active.Import.Register').endsWith('.Register')) return undefined;
  const reading = Number(value);
  if (value.trim() === '' || !Number.isFinite(reading)) return undefined;
  return unit?.startsWith('k') ? reading * 1000 : reading;
}

const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
/** The only schema-valid date-times that may fall outside the years 1 … 9999 once in UTC. */
const AT_THE_EDGE = /^(?:0000|0001-01-01|9999-12-31)/;

/** A date-time PostgreSQL can store (`timestamptz` knows no year 0, and reads no year beyond 9999 written as JSON). */
function dateTime(path: string, value: string | undefined): Refusal {
  if (value === undefined || !AT_THE_EDGE.test(value)) return null;
  const time = Date.parse(value);
  return time >= EARLIEST && time <= LATEST ? null : propertyViolation(path, 'must fall in the years 1 to 9999 (UTC)');
}

function meterValueLimits(path: string, meterValues: readonly MeterValue[] | undefined): Refusal {
  if (meterValues === undefined) return null;
  for (let i = 0; i < meterValues.length; i++) {
    const timestampRefusal = dateTime(`${path}[${i}].timestamp`, meterValues[i].timestamp);
    if (timestampRefusal) return timestampRefusal;
    const samples = meterValues[i].sampledValue;
    for (let j = 0; j < samples.length; j++) {
      const { measurand, unit, format, value } = samples[j];
      const wh = registerWh(measurand, unit, format, value);
      if (wh !== undefined && (wh < 0 || wh > INT32_MAX)) {
        return propertyViolation(`${path}[${i}].sampledValue[${j}].value`, `an energy register reading must be 0 to ${INT32_MAX} Wh, got ${wh} Wh`);
      }
    }
  }
  return null;
}

/** U+0000 or an unpaired surrogate: what a JSON text can carry and PostgreSQL text cannot. */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path to the first string PostgreSQL cannot store. A JSON text carries such a character only
 * as a `\u` escape (raw control characters are not JSON, and ws refuses text that is not UTF-8),
 * so a frame without one is not walked: the common case costs one native search of the text.
 */
function unstorableText(payload: object, frameText: string): Refusal {
  if (!frameText.includes('\\u')) return null;
  // Iterative: the payload is schema-valid (a few levels), but a walk over input never trusts that.
  const pending: [string, unknown][] = [['', payload]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [path, value] = next;
    if (typeof value === 'string' && UNSTORABLE.test(value)) return propertyViolation(path, 'must not contain U+0000 or an unpaired surrogate');
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) pending.push([Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key, child]);
  }
  return null;
}

type Limits = { [A in StationAction]: (payload: StationRequests[A], station: StationLimits) => Refusal };

const LIMITS: Limits = {
  Authorize: () => null,
  BootNotification: () => null,
  DataTransfer: () => null,
  DiagnosticsStatusNotification: () => null,
  FirmwareStatusNotification: () => null,
  Heartbeat: () => null,
  SecurityEventNotification: () => null,
  LogStatusNotification: ({ requestId }) => int32('requestId', requestId),
  SignedFirmwareStatusNotification: ({ requestId }) => int32('requestId', requestId),
  SignCertificate: () => null,
  MeterValues: ({ connectorId, transactionId, meterValue }, station) =>
    connector(connectorId, 0, station) ?? int32('transactionId', transactionId) ?? meterValueLimits('meterValue', meterValue),
  StartTransaction: ({ connectorId, meterStart, reservationId }, station) =>
    connector(connectorId, 1, station) ?? meterReading('meterStart', meterStart) ?? int32('reservationId', reservationId),
  StatusNotification: ({ connectorId }, station) => connector(connectorId, 0, station),
  StopTransaction: ({ meterStop, transactionId, transactionData }) =>
    meterReading('meterStop', meterStop) ?? int32('transactionId', transactionId) ?? meterValueLimits('transactionData', transactionData),
};

/** A refused StopTransaction is confirmed all the same (see above). */
export function isConfirmedWhenRefused(action: StationAction): boolean {
  return action === 'StopTransaction';
}

/** The CALLERROR for a schema-valid call beyond the limits above; null when it may be recorded. */
export function beyondLimits<A extends StationAction>(action: A, payload: StationRequests[A], frameText: string, station: StationLimits): OcppError | null {
  return (LIMITS[action] as Limits[StationAction])(payload as never, station) ?? unstorableText(payload, frameText);
}
