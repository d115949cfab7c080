import { describe, expect, it } from 'vitest';
import { createEvent } from '@voltstream/contracts';
import type { ConnectorView } from '../charge-points/charge-point.view';
import { changedConnectorIds, changedReservationIds, changesChargePoint, changesInstalledCertificates, changesLocalList, mayChangeChargingProfiles } from './live-events';

const at = new Date('2026-01-15T08:00:00Z');
const connector = (connectorId: number, transactionId: number | null): ConnectorView => ({
  connectorId,
  meterValue: 0,
  available: true,
  status: 'Available',
  errorCode: '',
  transaction: false,
  transactionId,
  transactionMeterStart: 0,
  transactionMeterEnd: null,
  transactionIdTag: null,
  transactionConsumption: 0,
});

describe('which live changes an event makes', () => {
  it('changes the charge point on every station event and on its adoption, settings, password and forgetting', () => {
    expect(changesChargePoint(createEvent('HeartbeatReceived', {}, 'CP-1', at))).toBe(true);
    expect(changesChargePoint(createEvent('PasswordChanged', { passwordHash: 'hash', previousPasswordHash: null }, 'CP-1', at))).toBe(true);
    expect(changesChargePoint(createEvent('ChargePointForgotten', {}, 'CP-1', at))).toBe(true);
    expect(changesChargePoint(createEvent('LocalTagRemoved', { idTag: 'CARD-1' }, 'CP-1', at))).toBe(false);
    expect(changesChargePoint(createEvent('TagRemoved', { idTag: 'CARD-1' }, null, at))).toBe(false);
  });

  it('changes the connector an event names, and for a stop the one holding the transaction', () => {
    const connectors = [connector(1, 11), connector(2, 12), connector(3, null)];
    const events = [
      createEvent('ConnectorStatusChanged', { connectorId: 3, status: 'Preparing', errorCode: 'NoError' }, 'CP-1', at),
      createEvent('TransactionStopped', { transactionId: 12, meterStop: 10, timestamp: at.toISOString(), known: true }, 'CP-1', at),
      createEvent('HeartbeatReceived', {}, 'CP-1', at),
    ];
    expect(changedConnectorIds(events, connectors)).toEqual(new Set([3, 2]));
    expect(changedConnectorIds([createEvent('MeterValuesReported', { connectorId: 1, meterValue: [] }, 'CP-1', at)], connectors)).toEqual(new Set([1]));
  });

  it('changes the reservation each step names, and the one a StartTransaction names', () => {
    const started = (reservationId?: number) =>
      createEvent('TransactionStarted', { transactionId: 7, connectorId: 1, idTag: 'CARD-1', meterStart: 0, timestamp: at.toISOString(), reservationId, authorizationStatus: 'Accepted', tagOwner: null }, 'CP-1', at);
    const events = [
      createEvent('ReservationRequested', { reservationId: 1, connectorId: 0, idTag: 'CARD-1', expiresAt: at.toISOString() }, 'CP-1', at),
      createEvent('ReservationRejected', { reservationId: 2, status: 'Occupied', reason: 'the charge point answered Occupied' }, 'CP-1', at),
      createEvent('ReservationExpired', { reservationId: 3 }, 'CP-1', at),
      started(4),
      started(),
      createEvent('HeartbeatReceived', {}, 'CP-1', at),
    ];
    expect(changedReservationIds(events)).toEqual(new Set([1, 2, 3, 4]));
  });

  it('may change the charging profiles on Smart Charging events and on a transaction starting or ending, on nothing else', () => {
    expect(mayChangeChargingProfiles(createEvent('ChargingProfilesCleared', { id: 1 }, 'CP-1', at))).toBe(true);
    expect(mayChangeChargingProfiles(createEvent('TransactionStopped', { transactionId: 12, meterStop: 10, timestamp: at.toISOString(), known: true }, 'CP-1', at))).toBe(true);
    expect(mayChangeChargingProfiles(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Charging', errorCode: 'NoError' }, 'CP-1', at))).toBe(false);
  });

  // A tag saved or removed changes the list only once the authorization service recorded the version wanted (LocalListChanged).
  it('changes the local list on its own events only', () => {
    expect(changesLocalList(createEvent('LocalListVersionReported', { listVersion: 4 }, 'CP-1', at))).toBe(true);
    expect(changesLocalList(createEvent('LocalTagRemoved', { idTag: 'CARD-1' }, 'CP-1', at))).toBe(false);
  });

  it("changes the installed certificates on the wallbox's answers about them, not on the signing of its own certificate", () => {
    const hash = { hashAlgorithm: 'SHA256' as const, issuerNameHash: 'ab', issuerKeyHash: 'cd', serialNumber: '1' };
    expect(changesInstalledCertificates(createEvent('CertificateDeleteAnswered', { certificateHashData: hash, status: 'Accepted' }, 'CP-1', at))).toBe(true);
    expect(changesInstalledCertificates(createEvent('InstalledCertificatesReported', { certificateType: 'ManufacturerRootCertificate', status: 'NotFound', certificateHashData: [] }, 'CP-1', at))).toBe(true);
    expect(changesInstalledCertificates(createEvent('ChargePointCertificateSent', { requestId: 'r1', status: 'Accepted' }, 'CP-1', at))).toBe(false);
    // The signing steps are station events: they change the charge point (its certificateSigningStatus).
    expect(changesChargePoint(createEvent('ChargePointCertificateSent', { requestId: 'r1', status: 'Accepted' }, 'CP-1', at))).toBe(true);
  });
});
