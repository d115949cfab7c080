import { describe, expect, it } from 'vitest';
import { authorizationQuestion, confirmationFor, gatewayDecision, isStationAction, toEvent } from './station-messages';

const now = new Date('2026-03-01T12:00:00.000Z');
const at = now.toISOString();
const CALL_ID = 'CP1:42:hash';
const accepted = { status: 'Accepted' as const };
const meterValue = [{ timestamp: at, sampledValue: [{ value: '12.5', measurand: 'Energy.Active.Import.Register' as const, unit: 'kWh' as const }] }];

describe('calls a wallbox initiates', () => {
  it('BootNotification: asks for the registration, records ChargePointBooted, answers status, time and interval', () => {
    const payload = { chargePointVendor: 'Wallbe', chargePointModel: 'Eco', chargeBoxSerialNumber: 'SN1', firmwareVersion: '1.2' };
    expect(authorizationQuestion('CP1', 'BootNotification', payload)).toEqual({
      rpc: 'boot',
      request: { identity: 'CP1', boot: { vendor: 'Wallbe', model: 'Eco', chargeBoxSerialNumber: 'SN1', firmwareVersion: '1.2' } },
    });
    const decision = { status: 'Pending' as const, interval: 60 };
    expect(toEvent('CP1', 'BootNotification', payload, decision, now, CALL_ID)).toEqual({
      type: 'ChargePointBooted',
      version: 1,
      data: { vendor: 'Wallbe', model: 'Eco', chargeBoxSerialNumber: 'SN1', firmwareVersion: '1.2', registrationStatus: 'Pending' },
      metadata: { chargePoint: 'CP1', recordedAt: at },
    });
    expect(confirmationFor('BootNotification', decision, now)).toEqual({ status: 'Pending', currentTime: at, interval: 60 });
  });

  it('Heartbeat: records HeartbeatReceived and answers the current time, without asking', () => {
    expect(authorizationQuestion('CP1', 'Heartbeat', {})).toBeUndefined();
    expect(toEvent('CP1', 'Heartbeat', {}, undefined, now, CALL_ID)).toMatchObject({ type: 'HeartbeatReceived', data: {} });
    expect(confirmationFor('Heartbeat', undefined, now)).toEqual({ currentTime: at });
  });

  it('StatusNotification: records ConnectorStatusChanged with the wallbox timestamp, answers {}', () => {
    const payload = { connectorId: 1, status: 'Charging' as const, errorCode: 'NoError' as const, timestamp: '2026-03-01T11:59:00Z' };
    expect(authorizationQuestion('CP1', 'StatusNotification', payload)).toBeUndefined();
    expect(toEvent('CP1', 'StatusNotification', payload, undefined, now, CALL_ID)).toMatchObject({
      type: 'ConnectorStatusChanged',
      data: { connectorId: 1, status: 'Charging', errorCode: 'NoError', timestamp: '2026-03-01T11:59:00Z' },
    });
    expect(confirmationFor('StatusNotification', undefined, now)).toEqual({});
  });

  it('MeterValues: records MeterValuesReported, answers {}', () => {
    const payload = { connectorId: 2, transactionId: 7, meterValue };
    expect(toEvent('CP1', 'MeterValues', payload, undefined, now, CALL_ID)).toMatchObject({
      type: 'MeterValuesReported',
      data: { connectorId: 2, transactionId: 7, meterValue },
    });
    expect(confirmationFor('MeterValues', undefined, now)).toEqual({});
  });

  it('Authorize: asks about the tag, records IdTagPresented with the decision, answers idTagInfo', () => {
    expect(authorizationQuestion('CP1', 'Authorize', { idTag: 'TAG1' })).toEqual({ rpc: 'authorize', request: { identity: 'CP1', idTag: 'TAG1' } });
    const decision = { idTagInfo: { status: 'Expired' as const, expiryDate: '2026-01-01T00:00:00Z' } };
    expect(toEvent('CP1', 'Authorize', { idTag: 'TAG1' }, decision, now, CALL_ID)).toMatchObject({
      type: 'IdTagPresented',
      data: { idTag: 'TAG1', authorizationStatus: 'Expired', expiryDate: '2026-01-01T00:00:00Z' },
    });
    expect(confirmationFor('Authorize', decision, now)).toEqual({ idTagInfo: decision.idTagInfo });
  });

  it('StartTransaction: asks for a transaction id, records TransactionStarted with tag owner, answers id and idTagInfo', () => {
    const payload = { connectorId: 1, idTag: 'TAG1', meterStart: 1000, timestamp: at, reservationId: 3 };
    expect(authorizationQuestion('CP1', 'StartTransaction', payload)).toEqual({
      rpc: 'startTransaction',
      request: { identity: 'CP1', connectorId: 1, idTag: 'TAG1', meterStart: 1000, timestamp: at, reservationId: 3 },
    });
    const tagOwner = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
    const decision = { transactionId: 42, idTagInfo: accepted, tagOwner };
    expect(toEvent('CP1', 'StartTransaction', payload, decision, now, CALL_ID)).toMatchObject({
      type: 'TransactionStarted',
      data: { transactionId: 42, connectorId: 1, idTag: 'TAG1', meterStart: 1000, timestamp: at, reservationId: 3, authorizationStatus: 'Accepted', tagOwner },
    });
    expect(confirmationFor('StartTransaction', decision, now)).toEqual({ transactionId: 42, idTagInfo: accepted });
  });

  it('StopTransaction: records TransactionStopped, known or not, and answers idTagInfo only when there is one', () => {
    const payload = { transactionId: 42, meterStop: 5000, timestamp: at, reason: 'Local' as const, transactionData: meterValue };
    expect(authorizationQuestion('CP1', 'StopTransaction', payload)).toEqual({
      rpc: 'stopTransaction',
      request: { identity: 'CP1', transactionId: 42, meterStop: 5000, timestamp: at, reason: 'Local' },
    });
    expect(toEvent('CP1', 'StopTransaction', payload, { known: false }, now, CALL_ID)).toMatchObject({
      type: 'TransactionStopped',
      data: { transactionId: 42, meterStop: 5000, reason: 'Local', transactionData: meterValue, known: false },
    });
    expect(confirmationFor('StopTransaction', { known: false }, now)).toEqual({});
    expect(confirmationFor('StopTransaction', { known: true, idTagInfo: accepted }, now)).toEqual({ idTagInfo: accepted });
  });

  it('DataTransfer: Accepted from a vendor the charge point accepts, else UnknownVendorId; recorded with its answer', () => {
    const payload = { vendorId: 'com.example', messageId: 'm', data: 'd' };
    const registration = { passwordHash: null, relaxations: [], acceptedDataTransferVendors: ['com.example'], securityProfile: 0 as const, previousPasswordHash: null, pendingPasswordHash: null, pendingPasswordUsed: false };
    expect(authorizationQuestion('CP1', 'DataTransfer', payload)).toBeUndefined();
    const decision = gatewayDecision('DataTransfer', payload, registration);
    expect(decision).toEqual({ status: 'Accepted' });
    expect(gatewayDecision('DataTransfer', { vendorId: 'org.other' }, registration)).toEqual({ status: 'UnknownVendorId' });
    expect(gatewayDecision('DataTransfer', payload, undefined)).toEqual({ status: 'UnknownVendorId' });
    expect(gatewayDecision('Heartbeat', {}, registration)).toBeUndefined();
    expect(toEvent('CP1', 'DataTransfer', payload, { status: 'Accepted' }, now, CALL_ID)).toMatchObject({ type: 'DataTransferReceived', data: { ...payload, status: 'Accepted' } });
    expect(confirmationFor('DataTransfer', { status: 'UnknownVendorId' }, now)).toEqual({ status: 'UnknownVendorId' });
  });

  it('Diagnostics and firmware status notifications: recorded, answered {}', () => {
    expect(toEvent('CP1', 'DiagnosticsStatusNotification', { status: 'Uploaded' }, undefined, now, CALL_ID)).toMatchObject({
      type: 'DiagnosticsStatusReported',
      data: { status: 'Uploaded' },
    });
    expect(toEvent('CP1', 'FirmwareStatusNotification', { status: 'Installed' }, undefined, now, CALL_ID)).toMatchObject({
      type: 'FirmwareStatusReported',
      data: { status: 'Installed' },
    });
    expect(confirmationFor('DiagnosticsStatusNotification', undefined, now)).toEqual({});
    expect(confirmationFor('FirmwareStatusNotification', undefined, now)).toEqual({});
  });

  it('SignCertificate: the CSR recorded under the call\'s message id, answered Accepted (signed after, by the signer)', () => {
    const csr = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----';
    expect(toEvent('CP1', 'SignCertificate', { csr }, undefined, now, CALL_ID)).toMatchObject({ type: 'CertificateSigningRequested', data: { requestId: CALL_ID, csr } });
    expect(confirmationFor('SignCertificate', undefined, now)).toEqual({ status: 'Accepted' });
  });

  it('knows which actions a wallbox may initiate', () => {
    expect(isStationAction('StatusNotification')).toBe(true);
    expect(isStationAction('RemoteStartTransaction')).toBe(false);
  });
});
