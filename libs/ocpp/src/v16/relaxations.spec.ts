import { describe, expect, it } from 'vitest';
import { validateConfirmation, validateRequest, type Relaxation, type Validated } from '../index';

function valueOf(result: Validated<Record<string, unknown>>) {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.description}`);
  return result.value;
}

function codeOf(result: Validated<Record<string, unknown>>) {
  return result.ok ? 'accepted' : result.error.code;
}

const relaxed = (...relaxations: Relaxation[]) => ({ relaxations });
const start = { connectorId: 1, idTag: '04A2B3C4D5E680', meterStart: 1000, timestamp: '2024-05-01T08:00:00Z' };

describe('relaxations', () => {
  it('are never applied by default', () => {
    expect(codeOf(validateRequest('StartTransaction', { ...start, idTag: 'x'.repeat(21) }))).toBe('PropertyConstraintViolation');
    expect(codeOf(validateRequest('StartTransaction', { ...start, vendor: 'x' }))).toBe('FormationViolation');
    expect(codeOf(validateRequest('StartTransaction', { ...start, meterStart: '1000' }))).toBe('TypeConstraintViolation');
    expect(codeOf(validateRequest('StartTransaction', { ...start, meterStart: '1000' }, relaxed()))).toBe('TypeConstraintViolation');
  });

  describe('truncateOverlongStrings', () => {
    const options = relaxed('truncateOverlongStrings');

    it('cuts a CiString to its maximum length', () => {
      const value = valueOf(validateRequest('StartTransaction', { ...start, idTag: '0123456789ABCDEFGHIJKLMN' }, options));
      expect(value).toEqual({ ...start, idTag: '0123456789ABCDEFGHIJ' });
    });

    it('cuts nested strings and list entries', () => {
      const info = { status: 'Accepted', parentIdTag: 'P'.repeat(30) };
      expect(valueOf(validateConfirmation('Authorize', { idTagInfo: info }, options))).toEqual({
        idTagInfo: { status: 'Accepted', parentIdTag: 'P'.repeat(20) },
      });
      expect(valueOf(validateRequest('GetConfiguration', { key: ['HeartbeatInterval', 'K'.repeat(60)] }, options))).toEqual({
        key: ['HeartbeatInterval', 'K'.repeat(50)],
      });
    });

    it('counts characters as JSON Schema does and never splits a surrogate pair', () => {
      const value = valueOf(validateRequest('Authorize', { idTag: `${'😀'.repeat(20)}x` }, options));
      expect(value).toEqual({ idTag: '😀'.repeat(20) });
    });

    it('leaves the caller’s payload untouched', () => {
      const payload = { ...start, idTag: 'x'.repeat(30) };
      validateRequest('StartTransaction', payload, options);
      expect(payload.idTag).toHaveLength(30);
    });

    it('repairs nothing else', () => {
      expect(codeOf(validateRequest('StartTransaction', { ...start, idTag: 42 }, options))).toBe('TypeConstraintViolation');
      expect(codeOf(validateRequest('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'available' }, options))).toBe(
        'PropertyConstraintViolation',
      );
    });
  });

  describe('ignoreUnknownProperties', () => {
    const options = relaxed('ignoreUnknownProperties');

    it('drops properties the schema does not define, at any depth', () => {
      const payload = {
        connectorId: 1,
        evseId: 1,
        meterValue: [{ timestamp: '2024-05-01T08:00:00Z', sampledValue: [{ value: '12.5', unit: 'kWh', signedMeterValue: 'abc' }] }],
      };
      expect(valueOf(validateRequest('MeterValues', payload, options))).toEqual({
        connectorId: 1,
        meterValue: [{ timestamp: '2024-05-01T08:00:00Z', sampledValue: [{ value: '12.5', unit: 'kWh' }] }],
      });
      expect(payload.meterValue[0].sampledValue[0]).toHaveProperty('signedMeterValue');
    });

    it('drops properties named like those of Object.prototype', () => {
      const payload = JSON.parse('{"__proto__":{"polluted":true},"toString":"x","idTag":"A"}') as unknown;
      const value = valueOf(validateRequest('Authorize', payload, options));
      expect(value).toEqual({ idTag: 'A' });
      expect(Object.keys(value)).toEqual(['idTag']);
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    });

    it('still refuses a missing or wrong field', () => {
      expect(codeOf(validateRequest('Authorize', { idToken: 'A' }, options))).toBe('OccurenceConstraintViolation');
      expect(codeOf(validateRequest('Authorize', { idTag: 'A', extra: 1, other: 2 }, relaxed()))).toBe('FormationViolation');
    });
  });

  describe('acceptNumericStrings', () => {
    const options = relaxed('acceptNumericStrings');

    it('reads a number sent as a string', () => {
      expect(valueOf(validateRequest('StartTransaction', { ...start, connectorId: '2', meterStart: ' 1000 ' }, options))).toEqual({
        ...start,
        connectorId: 2,
        meterStart: 1000,
      });
    });

    it('reads decimals where decimals are expected', () => {
      const profile = {
        chargingProfileId: 1,
        stackLevel: 0,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Absolute',
        chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: '0', limit: '16.5' }] },
      };
      const value = valueOf(validateRequest('SetChargingProfile', { connectorId: 1, csChargingProfiles: profile }, options));
      expect(value).toMatchObject({ csChargingProfiles: { chargingSchedule: { chargingSchedulePeriod: [{ startPeriod: 0, limit: 16.5 }] } } });
    });

    it('still refuses what is not a number, or not the kind of number expected', () => {
      for (const meterStart of ['1000.5', 'abc', '', '0x10', 'Infinity', '1,5']) {
        expect(codeOf(validateRequest('StartTransaction', { ...start, meterStart }, options))).toBe('TypeConstraintViolation');
      }
      expect(codeOf(validateRequest('StartTransaction', { ...start, meterStart: true }, options))).toBe('TypeConstraintViolation');
    });

    it('does not turn numbers into strings', () => {
      const payload = { connectorId: 1, meterValue: [{ timestamp: '2024-05-01T08:00:00Z', sampledValue: [{ value: 12.5 }] }] };
      expect(codeOf(validateRequest('MeterValues', payload, options))).toBe('TypeConstraintViolation');
    });
  });

  it('combine: a sloppy StartTransaction is repaired as a whole', () => {
    const options = relaxed('truncateOverlongStrings', 'ignoreUnknownProperties', 'acceptNumericStrings');
    const payload = { connectorId: '1', idTag: 'T'.repeat(24), meterStart: '1000', timestamp: '2024-05-01T08:00:00Z', vendorTxId: 'abc' };
    const value = valueOf(validateRequest('StartTransaction', payload, options));
    expect(value).toEqual({ connectorId: 1, idTag: 'T'.repeat(20), meterStart: 1000, timestamp: '2024-05-01T08:00:00Z' });
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });

  it('report the violation that remains after repairing the others', () => {
    const options = relaxed('truncateOverlongStrings', 'ignoreUnknownProperties');
    const result = validateRequest('StartTransaction', { ...start, idTag: 'T'.repeat(24), extra: 1, connectorId: 'one' }, options);
    expect(result).toMatchObject({ ok: false, error: { code: 'TypeConstraintViolation', description: 'connectorId: must be an integer' } });
  });
});
