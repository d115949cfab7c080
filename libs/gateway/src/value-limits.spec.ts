import { describe, expect, it } from 'vitest';
import type { StationAction, StationRequests } from './station-messages';
import { beyondLimits, INT32_MAX, INT32_MIN, isConfirmedWhenRefused, type StationLimits } from './value-limits';

const UNKNOWN: StationLimits = { numberOfConnectors: undefined };
const TIME = '2025-03-01T10:00:00Z';

const status = (connectorId: number, timestamp?: string): StationRequests['StatusNotification'] => ({
  connectorId,
  status: 'Available',
  errorCode: 'NoError',
  ...(timestamp ? { timestamp } : {}),
});
const start = (fields: Partial<StationRequests['StartTransaction']> = {}) => ({ connectorId: 1, idTag: 'TAG1', meterStart: 0, timestamp: TIME, ...fields });
const stop = (fields: Partial<StationRequests['StopTransaction']> = {}) => ({ transactionId: 7, meterStop: 4500, timestamp: TIME, ...fields });
const sample = (value: string, more: Record<string, string> = {}) => ({ value, ...more });
const meterValues = (samples: { value: string }[], fields: Partial<StationRequests['MeterValues']> = {}) => ({
  connectorId: 1,
  meterValue: [{ timestamp: TIME, sampledValue: samples }],
  ...fields,
});

/** The call as the gateway would receive it, after the schema: its code and description when refused. */
function when<A extends StationAction>(action: A, payload: StationRequests[A], station = UNKNOWN, frameText = JSON.stringify([2, 'u', action, payload])) {
  const refusal = beyondLimits(action, payload, frameText, station);
  return refusal && { code: refusal.code, description: refusal.description };
}

describe('value limits of wallbox calls (after the schema)', () => {
  it('lets realistic calls through', () => {
    expect(when('StatusNotification', status(0))).toBeNull();
    expect(when('StartTransaction', start({ connectorId: 2, meterStart: 12_345, reservationId: 3 }))).toBeNull();
    expect(when('StopTransaction', stop({ transactionData: [{ timestamp: TIME, sampledValue: [sample('4.5', { unit: 'kWh' })] }] }))).toBeNull();
    expect(when('MeterValues', meterValues([sample('1234.5'), sample('-16', { measurand: 'Current.Import' })], { transactionId: 7 }))).toBeNull();
    expect(when('Heartbeat', {})).toBeNull();
  });

  it('answers an integer beyond 32 bits TypeConstraintViolation, naming the field: the OCPP 1.6 integer is 32 bits', () => {
    expect(when('StatusNotification', status(2 ** 31))).toEqual({
      code: 'TypeConstraintViolation',
      description: `connectorId: must be a 32-bit integer (OCPP 1.6 integer), got ${2 ** 31}`,
    });
    expect(when('StartTransaction', start({ meterStart: 2 ** 31 }))).toMatchObject({ code: 'TypeConstraintViolation', description: expect.stringMatching(/^meterStart:/) });
    expect(when('StartTransaction', start({ reservationId: INT32_MIN - 1 }))).toMatchObject({ code: 'TypeConstraintViolation', description: expect.stringMatching(/^reservationId:/) });
    expect(when('StopTransaction', stop({ transactionId: 2 ** 31 }))).toMatchObject({ code: 'TypeConstraintViolation', description: expect.stringMatching(/^transactionId:/) });
    expect(when('StopTransaction', stop({ meterStop: 2 ** 53 }))).toMatchObject({ code: 'TypeConstraintViolation', description: expect.stringMatching(/^meterStop:/) });
    expect(when('MeterValues', meterValues([], { transactionId: -(2 ** 31) - 1 }))).toMatchObject({ code: 'TypeConstraintViolation' });
  });

  it('accepts the 32-bit extremes where OCPP allows any integer', () => {
    expect(when('StopTransaction', stop({ transactionId: INT32_MIN, meterStop: INT32_MAX }))).toBeNull();
    expect(when('StartTransaction', start({ reservationId: INT32_MAX, meterStart: INT32_MAX }))).toBeNull();
  });

  it('answers connector ids below what OCPP allows PropertyConstraintViolation: < 0 anywhere, 0 in StartTransaction', () => {
    expect(when('StatusNotification', status(-1))).toEqual({ code: 'PropertyConstraintViolation', description: 'connectorId: must be 0 (the charge point) or a connector ≥ 1' });
    expect(when('MeterValues', meterValues([], { connectorId: -1 }))).toMatchObject({ code: 'PropertyConstraintViolation' });
    expect(when('StartTransaction', start({ connectorId: 0 }))).toEqual({ code: 'PropertyConstraintViolation', description: 'connectorId: must be a connector ≥ 1' });
  });

  it('holds connector ids to NumberOfConnectors once the gateway knows it', () => {
    const two: StationLimits = { numberOfConnectors: 2 };
    expect(when('StatusNotification', status(2), two)).toBeNull();
    expect(when('StatusNotification', status(3), two)).toEqual({ code: 'PropertyConstraintViolation', description: 'connectorId: the charge point has 2 connectors (NumberOfConnectors)' });
    expect(when('StartTransaction', start({ connectorId: 3 }), two)).toMatchObject({ code: 'PropertyConstraintViolation' });
    expect(when('MeterValues', meterValues([], { connectorId: 3 }), two)).toMatchObject({ code: 'PropertyConstraintViolation' });
    expect(when('StatusNotification', status(3))).toBeNull();
  });

  it('answers a negative meterStart or meterStop PropertyConstraintViolation: a register in Wh, and consumptions must fit 32 bits', () => {
    expect(when('StartTransaction', start({ meterStart: -1 }))).toEqual({ code: 'PropertyConstraintViolation', description: 'meterStart: a meter reading in Wh must not be negative' });
    expect(when('StopTransaction', stop({ meterStop: -1 }))).toMatchObject({ code: 'PropertyConstraintViolation', description: expect.stringMatching(/^meterStop:/) });
  });

  it('holds energy register readings, as the projection reads them, to 0 … 2^31−1 Wh', () => {
    expect(when('MeterValues', meterValues([sample(String(INT32_MAX))]))).toBeNull();
    expect(when('MeterValues', meterValues([sample('2147483.647', { unit: 'kWh' })]))).toBeNull();
    expect(when('MeterValues', meterValues([sample('1', { measurand: 'Current.Import' }), sample('2147483648')]))).toEqual({
      code: 'PropertyConstraintViolation',
      description: 'meterValue[0].sampledValue[1].value: an energy register reading must be 0 to 2147483647 Wh, got 2147483648 Wh',
    });
    expect(when('MeterValues', meterValues([sample('2147484', { unit: 'kWh', measurand: 'Energy.Active.Export.Register' })]))).toMatchObject({ code: 'PropertyConstraintViolation' });
    expect(when('MeterValues', meterValues([sample('-5')]))).toMatchObject({ code: 'PropertyConstraintViolation' });
    const stopData = [{ timestamp: TIME, sampledValue: [sample('1e12')] }];
    expect(when('StopTransaction', stop({ transactionData: stopData }))).toMatchObject({ description: expect.stringMatching(/^transactionData\[0\]\.sampledValue\[0\]\.value:/) });
  });

  it('leaves samples the read models store as they are: other measurands, signed data, text that is no number', () => {
    expect(when('MeterValues', meterValues([sample('1e300', { measurand: 'Power.Active.Import' })]))).toBeNull();
    expect(when('MeterValues', meterValues([sample('99999999999', { format: 'SignedData' })]))).toBeNull();
    expect(when('MeterValues', meterValues([sample('n/a'), sample('1e400'), sample(' ')]))).toBeNull();
  });

  it('answers a meter value timestamp outside the years 1 … 9999 in UTC PropertyConstraintViolation (timestamptz cannot hold it)', () => {
    const at = (timestamp: string) => [{ timestamp, sampledValue: [sample('1')] }];
    expect(when('MeterValues', meterValues([], { meterValue: at('0000-06-01T00:00:00Z') }))).toEqual({
      code: 'PropertyConstraintViolation',
      description: 'meterValue[0].timestamp: must fall in the years 1 to 9999 (UTC)',
    });
    expect(when('MeterValues', meterValues([], { meterValue: at('0001-01-01T00:30:00+01:00') }))).toMatchObject({ code: 'PropertyConstraintViolation' });
    expect(when('StopTransaction', stop({ transactionData: at('9999-12-31T23:30:00-01:00') }))).toMatchObject({ code: 'PropertyConstraintViolation' });
    expect(when('MeterValues', meterValues([], { meterValue: at('9999-12-31T23:59:59Z') }))).toBeNull();
    expect(when('MeterValues', meterValues([], { meterValue: at('0001-01-01T00:00:00Z') }))).toBeNull();
  });

  it('leaves the timestamps that reach the read models only when believable (starts, stops, statuses) to the projection', () => {
    expect(when('StartTransaction', start({ timestamp: '0000-01-01T00:00:00Z' }))).toBeNull();
    expect(when('StopTransaction', stop({ timestamp: '0000-01-01T00:00:00Z' }))).toBeNull();
    expect(when('StatusNotification', status(1, '0000-01-01T00:00:00Z'))).toBeNull();
  });

  it('confirms a refused StopTransaction all the same (OCPP 1.6 §4.10), and only that action', () => {
    expect(isConfirmedWhenRefused('StopTransaction')).toBe(true);
    const others: StationAction[] = ['StartTransaction', 'MeterValues', 'StatusNotification', 'Authorize'];
    expect(others.filter(isConfirmedWhenRefused)).toEqual([]);
  });

  it('answers text holding U+0000 or an unpaired surrogate PropertyConstraintViolation, naming where', () => {
    expect(when('Authorize', { idTag: 'TAG\u0000' })).toEqual({ code: 'PropertyConstraintViolation', description: 'idTag: must not contain U+0000 or an unpaired surrogate' });
    const boot = { chargePointVendor: 'ACME', chargePointModel: 'X\uD800' };
    expect(when('BootNotification', boot)).toMatchObject({ code: 'PropertyConstraintViolation', description: expect.stringMatching(/^chargePointModel:/) });
    const stopData = [{ timestamp: TIME, sampledValue: [sample('1', { location: 'Outlet' }), sample('\uDC00')] }];
    expect(when('StopTransaction', stop({ transactionData: stopData }))).toMatchObject({ description: expect.stringMatching(/^transactionData\[0\]\.sampledValue\[1\]\.value:/) });
  });

  it('lets a surrogate pair through, and does not walk a frame without \\u escapes', () => {
    expect(when('DataTransfer', { vendorId: 'com.example', data: '\uD83D\uDD0C' })).toBeNull();
    expect(when('Authorize', { idTag: 'TAG\u0000' }, UNKNOWN, '[2,"u","Authorize",{"idTag":"TAG"}]')).toBeNull();
  });
});
