import { describe, expect, it } from 'vitest';
import { createEvent, type EventOf, type EventType, type VoltstreamEvent } from '@voltstream/contracts';
import { ProjectionBatch } from './batch';

const CP = 'DEPOT-7';
const at = (second: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, second));
const event = <T extends EventType>(type: T, data: EventOf<T>['data'], second: number): EventOf<T> => createEvent(type, data, CP, at(second));

function given(...events: VoltstreamEvent[]): ProjectionBatch {
  const batch = new ProjectionBatch();
  events.forEach((each, index) => batch.apply(each, index + 1));
  return batch;
}

describe('firmware and diagnostics status', () => {
  it('a charge point never told anything has neither status', () => {
    expect(given(event('HeartbeatReceived', {}, 1)).chargePoint(CP)).toMatchObject({
      firmwareStatus: null,
      firmwareStatusAt: null,
      diagnosticsStatus: null,
      diagnosticsStatusAt: null,
    });
  });

  it('shows the last firmware status with the time it was recorded', () => {
    const chargePoint = given(
      event('FirmwareStatusReported', { status: 'Downloading' }, 1),
      event('FirmwareStatusReported', { status: 'Downloaded' }, 2),
      event('FirmwareStatusReported', { status: 'Installing' }, 3),
    ).chargePoint(CP);
    expect(chargePoint).toMatchObject({ firmwareStatus: 'Installing', firmwareStatusAt: at(3), diagnosticsStatus: null, lastSeenAt: at(3) });
  });

  it('shows the last diagnostics status with its time, apart from the firmware status', () => {
    const chargePoint = given(
      event('FirmwareStatusReported', { status: 'InstallationFailed' }, 1),
      event('DiagnosticsStatusReported', { status: 'Uploading' }, 2),
      event('DiagnosticsStatusReported', { status: 'UploadFailed' }, 3),
    ).chargePoint(CP);
    expect(chargePoint).toMatchObject({
      firmwareStatus: 'InstallationFailed',
      firmwareStatusAt: at(1),
      diagnosticsStatus: 'UploadFailed',
      diagnosticsStatusAt: at(3),
    });
  });

  it('a boot after an update keeps the status and takes the new firmware version', () => {
    const chargePoint = given(
      event('FirmwareStatusReported', { status: 'Installed' }, 1),
      event('ChargePointBooted', { vendor: 'Voltic', model: 'Wall', firmwareVersion: '2.0.0', registrationStatus: 'Accepted' }, 2),
    ).chargePoint(CP);
    expect(chargePoint).toMatchObject({ firmwareStatus: 'Installed', firmwareStatusAt: at(1), firmwareVersion: '2.0.0' });
  });

  it('an uploaded diagnostics file is a sign of life and changes no status', () => {
    const chargePoint = given(
      event('DiagnosticsStatusReported', { status: 'Uploading' }, 1),
      event('DiagnosticsFileUploaded', { name: 'diag.log', size: 10, sha256: 'x' }, 2),
    ).chargePoint(CP);
    expect(chargePoint).toMatchObject({ diagnosticsStatus: 'Uploading', diagnosticsStatusAt: at(1), lastSeenAt: at(2) });
  });

  it('projected twice, the same events give the same row', () => {
    const events = [event('FirmwareStatusReported', { status: 'Downloading' }, 1), event('DiagnosticsStatusReported', { status: 'Uploaded' }, 2)];
    expect(given(...events).chargePoint(CP)).toEqual(given(...events).chargePoint(CP));
  });

  it('security whitepaper: SignedFirmwareStatusNotification is the firmware status, LogStatusNotification the log status, each with its time', () => {
    const chargePoint = given(
      event('SignedFirmwareStatusReported', { status: 'SignatureVerified', requestId: 3 }, 1),
      event('LogStatusReported', { status: 'Uploading', requestId: 7 }, 2),
      event('SignedFirmwareStatusReported', { status: 'InvalidSignature', requestId: 4 }, 3),
      event('LogStatusReported', { status: 'UploadFailure', requestId: 7 }, 4),
    ).chargePoint(CP);
    expect(chargePoint).toMatchObject({ firmwareStatus: 'InvalidSignature', firmwareStatusAt: at(3), logStatus: 'UploadFailure', logStatusAt: at(4), diagnosticsStatus: null });
  });
});
