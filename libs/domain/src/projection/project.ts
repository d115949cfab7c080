import type { CertificateSigningEvent, EventOf, StationEvent, TagEntry, VoltstreamEvent } from '@voltstream/contracts';
import type { ProjectionChange, ProjectionView } from './changes';
import { connected, disconnected, discoveredChargePoint, shownErrorCode, withBoot, withSettings } from './charge-point';
import { newConnector, withStatus } from './connector';
import { withCertificateSigning } from './certificate-signing';
import { installedCertificateChanges } from './installed-certificates';
import { projectLocalListSync } from './local-list-sync';
import { dataTransferReceived } from './data-transfer';
import { securityEventReported } from './security-event';
import { withDiagnosticsStatus, withFirmwareStatus, withLogStatus } from './firmware';
import { chargingProfileSet, chargingProfilesCleared, remoteStartProfileBound, transactionProfilesEnded } from './charging-profiles';
import type { ProjectedChargePoint, ProjectedTag } from './records';
import { reservationChanged, reservationUsed } from './reservation';
import { meterValuesReported, transactionStarted, transactionStopped } from './transaction';

function projectedTag(tag: TagEntry): ProjectedTag {
  return { ...tag, expiresAt: tag.expiresAt === null ? null : new Date(tag.expiresAt) };
}

/** An event the read models cannot take in, e.g. a station event that names no charge point. */
export class UnprojectableEventError extends Error {
  constructor(event: VoltstreamEvent, reason: string) {
    super(`Cannot project ${event.type}: ${reason}`);
    this.name = 'UnprojectableEventError';
  }
}

function chargePointOf(event: VoltstreamEvent): string {
  if (event.metadata.chargePoint === null) throw new UnprojectableEventError(event, 'it names no charge point');
  return event.metadata.chargePoint;
}

function settingsSaved(
  event: EventOf<'ChargePointAdopted'> | EventOf<'ChargePointSettingsChanged'>,
  current: ProjectionView,
): ProjectionChange[] {
  const identity = chargePointOf(event);
  const before = current.chargePoint(identity) ?? discoveredChargePoint(identity);
  const state = event.type === 'ChargePointAdopted' ? 'adopted' : before.state;
  return [{ type: 'chargePointSaved', row: { ...withSettings(before, event.data), state } }];
}

function passwordChanged(identity: string, current: ProjectionView): ProjectionChange[] {
  const before = current.chargePoint(identity);
  return before ? [{ type: 'chargePointSaved', row: { ...before, passwordSet: true } }] : [];
}

/** The CSR is stored before the wallbox hears Accepted: its charge point is known by then, unless it was forgotten since. */
function certificateSigningChanged(identity: string, event: CertificateSigningEvent, current: ProjectionView): ProjectionChange[] {
  const before = current.chargePoint(identity);
  return before ? [{ type: 'chargePointSaved', row: withCertificateSigning(before, event) }] : [];
}

function statusChanged(chargePoint: ProjectedChargePoint, event: EventOf<'ConnectorStatusChanged'>, current: ProjectionView): StationOutcome {
  const { connectorId, status } = event.data;
  const errorCode = shownErrorCode(event.data.errorCode);
  if (connectorId === 0) return { chargePoint: { ...chargePoint, status, errorCode }, changes: [] };
  const connector = current.connector(chargePoint.identity, connectorId) ?? newConnector(chargePoint.identity, connectorId);
  return { chargePoint, changes: [{ type: 'connectorSaved', row: withStatus(connector, status, errorCode) }] };
}

/**
 * A start or stop that changes nothing (sent again, replayed) changes no charging profile either;
 * nor does one on a charge point that holds none, as nearly all of them do.
 */
function withProfileChange(identity: string, changes: ProjectionChange[], current: ProjectionView, profileChange: () => ProjectionChange): ProjectionChange[] {
  return changes.length === 0 || !current.mayHoldChargingProfiles(identity) ? changes : [...changes, profileChange()];
}

interface StationOutcome {
  chargePoint: ProjectedChargePoint;
  changes: ProjectionChange[];
}

function stationOutcome(event: StationEvent, seen: ProjectedChargePoint, current: ProjectionView): StationOutcome {
  const identity = seen.identity;
  switch (event.type) {
    case 'ChargePointConnected':
      return { chargePoint: connected(seen, event.data.connectionId), changes: [] };
    case 'ChargePointDisconnected':
      return { chargePoint: disconnected(seen, event.data.connectionId), changes: [] };
    case 'ChargePointBooted':
      return { chargePoint: withBoot(seen, event.data), changes: [] };
    case 'ConnectorStatusChanged':
      return statusChanged(seen, event, current);
    case 'IdTagPresented':
      return { chargePoint: { ...seen, lastIdTag: event.data.idTag }, changes: [] };
    case 'TransactionStarted':
      return {
        chargePoint: { ...seen, lastIdTag: event.data.idTag },
        changes: [
          ...withProfileChange(identity, transactionStarted(identity, event, current), current, () => remoteStartProfileBound(identity, event)),
          ...reservationUsed(identity, event, current),
        ],
      };
    case 'TransactionStopped':
      return {
        chargePoint: event.data.idTag ? { ...seen, lastIdTag: event.data.idTag } : seen,
        changes: withProfileChange(identity, transactionStopped(identity, event, current), current, () => transactionProfilesEnded(identity, event)),
      };
    case 'MeterValuesReported':
      return { chargePoint: seen, changes: meterValuesReported(identity, event, current) };
    case 'DiagnosticsStatusReported':
      return { chargePoint: withDiagnosticsStatus(seen, event), changes: [] };
    case 'FirmwareStatusReported':
    case 'SignedFirmwareStatusReported':
      return { chargePoint: withFirmwareStatus(seen, event), changes: [] };
    case 'DataTransferReceived':
      return { chargePoint: seen, changes: dataTransferReceived(identity, event) };
    case 'SecurityEventReported':
      return { chargePoint: seen, changes: securityEventReported(identity, event) };
    case 'HeartbeatReceived':
    case 'CallRefused':
    case 'ConnectionRefused':
    case 'DiagnosticsFileUploaded':
      return { chargePoint: seen, changes: [] };
    case 'ChargingProfileSet':
      return { chargePoint: seen, changes: [chargingProfileSet(identity, event)] };
    case 'ChargingProfilesCleared':
      return { chargePoint: seen, changes: [chargingProfilesCleared(identity, event)] };
    case 'LogStatusReported':
      return { chargePoint: withLogStatus(seen, event), changes: [] };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

/** A charge point is discovered on its first event; every station event is a sign of life. */
function projectStationEvent(event: StationEvent, current: ProjectionView): ProjectionChange[] {
  const identity = chargePointOf(event);
  const before = current.chargePoint(identity) ?? discoveredChargePoint(identity);
  const seen = { ...before, lastSeenAt: new Date(event.metadata.recordedAt) };
  const outcome = stationOutcome(event, seen, current);
  return [{ type: 'chargePointSaved', row: outcome.chargePoint }, ...outcome.changes];
}

/** What an event does to the read models, given the rows as they were before it. Pure. */
export function project(event: VoltstreamEvent, current: ProjectionView): ProjectionChange[] {
  switch (event.type) {
    case 'TagSaved':
      return [{ type: 'tagSaved', row: projectedTag(event.data.tag) }];
    case 'TagRemoved':
      return [{ type: 'tagRemoved', idTag: event.data.idTag }];
    case 'LocalTagSaved':
      return [{ type: 'localTagSaved', row: { ...projectedTag(event.data.tag), chargePointIdentity: chargePointOf(event) } }];
    case 'LocalTagRemoved':
      return [{ type: 'localTagRemoved', chargePointIdentity: chargePointOf(event), idTag: event.data.idTag }];
    case 'ChargePointForgotten':
      return [{ type: 'chargePointForgotten', identity: chargePointOf(event) }];
    case 'ChargePointAdopted':
    case 'ChargePointSettingsChanged':
      return settingsSaved(event, current);
    // An operator's request, the charge point's answer relayed by the API, the CSMS's clock: no sign of life.
    case 'ReservationRequested':
    case 'ReservationAccepted':
    case 'ReservationRejected':
    case 'ReservationCancelled':
    case 'ReservationExpired':
      return reservationChanged(chargePointOf(event), event, current);
    case 'LocalListChanged':
    case 'LocalListSent':
    case 'LocalListVersionReported':
    case 'LocalListMaxLengthRead': {
      const identity = chargePointOf(event);
      return [{ type: 'localListSyncSaved', row: projectLocalListSync(current.localListSync(identity), event, identity) }];
    }
    case 'PasswordChanged':
      return passwordChanged(chargePointOf(event), current);
    case 'PreviousPasswordRetired':
    case 'PasswordRotationStarted':
    case 'PasswordRotationAbandoned':
    case 'PendingPasswordUsed':
      return [];
    case 'CertificateSigningRequested':
    case 'ChargePointCertificateIssued':
    case 'CertificateSigningRefused':
    case 'ChargePointCertificateSent':
      return certificateSigningChanged(chargePointOf(event), event, current);
    case 'CertificateInstallAnswered':
    case 'InstalledCertificatesReported':
    case 'CertificateDeleteAnswered':
      return installedCertificateChanges(chargePointOf(event), event);
    default:
      return projectStationEvent(event, current);
  }
}
