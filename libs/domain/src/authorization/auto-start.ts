import type { ConnectorStatusChanged } from '@voltstream/contracts';
import type { Registration } from '../registry';

/** The id tag of an automatic start when the charge point has no `autoStartIdTag` of its own. */
export const DEFAULT_AUTO_START_ID_TAG = 'AUTO';

/**
 * A status older than this is history, not a vehicle waiting: after an outage the service does not
 * start sessions for plugs that were connected long ago.
 */
export const AUTO_START_MAX_EVENT_AGE_MS = 2 * 60 * 1000;

export interface RemoteStartCommand {
  action: 'RemoteStartTransaction';
  payload: { connectorId: number; idTag: string };
}

/**
 * SPEC §4, start mode `auto`: a connector that turns `Preparing` with no transaction active on it is
 * started remotely with the charge point's `autoStartIdTag`. Undefined when nothing is to be done.
 */
export function decideAutoStart(
  event: ConnectorStatusChanged,
  registration: Registration | undefined,
  activeTransactionId: number | undefined,
  now: Date,
): RemoteStartCommand | undefined {
  if (registration?.settings.startMode !== 'auto') return undefined;
  const { connectorId, status } = event.data;
  if (status !== 'Preparing' || connectorId < 1) return undefined;
  if (activeTransactionId !== undefined) return undefined;
  if (now.getTime() - Date.parse(event.metadata.recordedAt) > AUTO_START_MAX_EVENT_AGE_MS) return undefined;
  const idTag = registration.settings.autoStartIdTag ?? DEFAULT_AUTO_START_ID_TAG;
  return { action: 'RemoteStartTransaction', payload: { connectorId, idTag } };
}
