import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_DEPTH, validateConfirmation, validateRequest, type Validated } from '../index';

function errorOf(result: Validated<Record<string, unknown>>) {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return { code: result.error.code, description: result.error.description };
}

function valueOf(result: Validated<Record<string, unknown>>) {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.description}`);
  return result.value;
}

const status = { connectorId: 1, errorCode: 'NoError', status: 'Available' };
const meterValues = (sampledValue: unknown[]) => ({
  connectorId: 1,
  meterValue: [{ timestamp: '2024-05-01T08:00:00Z', sampledValue }],
});

describe('validateRequest / validateConfirmation', () => {
  it('returns a valid payload as it came, without copying it', () => {
    const payload = { ...status };
    const result = validateRequest('StatusNotification', payload);
    expect(valueOf(result)).toBe(payload);
  });

  it('answers an unknown action NotImplemented', () => {
    expect(errorOf(validateRequest('MakeCoffee', {}))).toEqual({ code: 'NotImplemented', description: 'unknown action "MakeCoffee"' });
    expect(errorOf(validateRequest('toString', {}))).toMatchObject({ code: 'NotImplemented' });
    expect(errorOf(validateConfirmation('MakeCoffee', {}))).toMatchObject({ code: 'NotImplemented' });
  });

  it('refuses a payload that is not an object', () => {
    for (const payload of [null, [], 'x', 42, undefined]) {
      expect(errorOf(validateRequest('Heartbeat', payload))).toEqual({ code: 'FormationViolation', description: 'payload must be a JSON object' });
    }
  });

  it(`refuses a payload nested deeper than ${MAX_PAYLOAD_DEPTH} levels FormationViolation, before any walk (operator commands are not framed)`, () => {
    let payload: Record<string, unknown> = { leaf: 1 };
    for (let level = 0; level < 100_000; level++) payload = { a: payload };
    expect(errorOf(validateRequest('Reset', payload))).toEqual({
      code: 'FormationViolation',
      description: `payload is nested deeper than ${MAX_PAYLOAD_DEPTH} levels`,
    });
    expect(errorOf(validateConfirmation('Reset', { status: 'Accepted', x: payload }))).toMatchObject({ code: 'FormationViolation' });
  });

  it('validates either direction of DataTransfer', () => {
    expect(valueOf(validateRequest('DataTransfer', { vendorId: 'com.example', data: '{}' }))).toEqual({ vendorId: 'com.example', data: '{}' });
    expect(errorOf(validateConfirmation('DataTransfer', { vendorId: 'com.example' }))).toMatchObject({ code: 'OccurenceConstraintViolation' });
  });

  const refusals: Array<[string, string, unknown, string, string]> = [
    ['a wrong type', 'StatusNotification', { ...status, connectorId: '1' }, 'TypeConstraintViolation', 'connectorId: must be an integer'],
    ['a decimal for an integer', 'StatusNotification', { ...status, connectorId: 1.5 }, 'TypeConstraintViolation', 'connectorId: must be an integer'],
    ['null', 'StatusNotification', { ...status, status: null }, 'TypeConstraintViolation', 'status: must not be null'],
    ['null for an optional field', 'StatusNotification', { ...status, info: null }, 'TypeConstraintViolation', 'info: must be a string'],
    ['a missing field', 'StatusNotification', { connectorId: 1, status: 'Available' }, 'OccurenceConstraintViolation', 'errorCode: is required'],
    ['an overlong CiString', 'StatusNotification', { ...status, info: 'x'.repeat(51) }, 'PropertyConstraintViolation', 'info: must be at most 50 characters'],
    ['an unknown property', 'StatusNotification', { ...status, evseId: 1 }, 'FormationViolation', 'evseId: is not a defined property'],
    [
      'a bad date-time',
      'StatusNotification',
      { ...status, timestamp: '2024-05-01T08:00:00' },
      'PropertyConstraintViolation',
      'timestamp: must be an RFC 3339 date-time with a time zone',
    ],
    [
      'a nested bad value',
      'MeterValues',
      meterValues([{ value: '1' }, { value: '2', unit: 'KWh' }]),
      'PropertyConstraintViolation',
      'meterValue[0].sampledValue[1].unit: must be one of Wh, kWh, varh, kvarh, W, kW, VA, kVA, var, kvar, A, V, K, Celcius, Celsius, Fahrenheit, Percent',
    ],
    ['a nested missing field', 'MeterValues', meterValues([{ unit: 'Wh' }]), 'OccurenceConstraintViolation', 'meterValue[0].sampledValue[0].value: is required'],
    [
      'a nested unknown property',
      'MeterValues',
      meterValues([{ value: '1', measurement: 'Energy' }]),
      'FormationViolation',
      'meterValue[0].sampledValue[0].measurement: is not a defined property',
    ],
    ['a list that is not a list', 'MeterValues', { connectorId: 1, meterValue: {} }, 'TypeConstraintViolation', 'meterValue: must be an array'],
    ['an own __proto__ property', 'Heartbeat', JSON.parse('{"__proto__":{"x":1}}'), 'FormationViolation', '__proto__: is not a defined property'],
  ];
  it.each(refusals)('refuses %s with its code and the property path', (_case, action, payload, code, description) => {
    expect(errorOf(validateRequest(action, payload))).toEqual({ code, description });
  });

  it('reports a missing field before an unknown one (often the same field misspelled)', () => {
    expect(errorOf(validateRequest('StatusNotification', { connectorId: 1, errorcode: 'NoError', status: 'Available' }))).toEqual({
      code: 'OccurenceConstraintViolation',
      description: 'errorCode: is required',
    });
  });

  it('reports a property of a confirmation nested in an object', () => {
    expect(errorOf(validateConfirmation('StartTransaction', { idTagInfo: { status: 'Accepted', constructor: 1 }, transactionId: 1 }))).toEqual({
      code: 'FormationViolation',
      description: 'idTagInfo.constructor: is not a defined property',
    });
  });

  it('accepts a 1970 date-time: judging the clock is not the validator’s business', () => {
    expect(validateRequest('StatusNotification', { ...status, timestamp: '1970-01-01T00:00:00Z' }).ok).toBe(true);
  });
});
