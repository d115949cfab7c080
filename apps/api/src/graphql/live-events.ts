import { EVENT_CATEGORIES, type EventType, type VoltstreamEvent } from '@voltstream/contracts';
import { reservationIdOf } from '@voltstream/domain';
import type { ConnectorView } from '../charge-points/charge-point.view';

/** The operator's events that change what a charge point shows: its adoption, settings, password (passwordSet) and forgetting. */
const REGISTRY_CHANGES: ReadonlySet<EventType> = new Set(['ChargePointAdopted', 'ChargePointSettingsChanged', 'PasswordChanged', 'ChargePointForgotten']);

/** Every station event is a sign of life (lastSeenAt); of the operator's events, those about the charge point itself. */
export function changesChargePoint(event: VoltstreamEvent): boolean {
  return EVENT_CATEGORIES[event.type] === 'station' || REGISTRY_CHANGES.has(event.type);
}

/** The connectors whose row these events changed, given the charge point's connectors after them. */
export function changedConnectorIds(events: VoltstreamEvent[], connectors: ConnectorView[]): Set<number> {
  const changed = new Set<number>();
  for (const event of events) {
    if (event.type === 'ConnectorStatusChanged' || event.type === 'TransactionStarted' || event.type === 'MeterValuesReported') {
      changed.add(event.data.connectorId);
    }
    if (event.type === 'TransactionStopped') {
      // A stop names only its transaction: the connector is the one that holds it as current or last.
      const stopped = event.data.transactionId;
      connectors.filter((connector) => connector.transactionId === stopped).forEach((connector) => changed.add(connector.connectorId));
    }
  }
  return changed;
}

/** The reservations these events moved on: each step of their lifecycle, and a StartTransaction that names one (used). */
export function changedReservationIds(events: VoltstreamEvent[]): Set<number> {
  return new Set(events.map(reservationIdOf).filter((reservationId) => reservationId !== undefined));
}

const LOCAL_LIST_CHANGES: ReadonlySet<EventType> = new Set(['LocalListChanged', 'LocalListSent', 'LocalListVersionReported', 'LocalListMaxLengthRead']);

/** The events of a charge point's local list: the version wanted, a chunk sent and its answer, the version or maximum length read. */
export function changesLocalList(event: VoltstreamEvent): boolean {
  return LOCAL_LIST_CHANGES.has(event.type);
}

const INSTALLED_CERTIFICATE_CHANGES: ReadonlySet<EventType> = new Set(['CertificateInstallAnswered', 'InstalledCertificatesReported', 'CertificateDeleteAnswered']);

/** A wallbox's answers about its certificates: the list it reported, an install or delete (accepted or not: the read changes nothing then). */
export function changesInstalledCertificates(event: VoltstreamEvent): boolean {
  return INSTALLED_CERTIFICATE_CHANGES.has(event.type);
}

const CHARGING_PROFILE_CHANGES: ReadonlySet<EventType> = new Set(['ChargingProfileSet', 'ChargingProfilesCleared', 'TransactionStarted', 'TransactionStopped']);

/** Smart Charging's events, and a transaction's start (a remote start's profile is bound to it) and end (its TxProfiles go with it). */
export function mayChangeChargingProfiles(event: VoltstreamEvent): boolean {
  return CHARGING_PROFILE_CHANGES.has(event.type);
}
