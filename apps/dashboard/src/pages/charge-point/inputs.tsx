import type { Connector } from '../../api/types';

/** A connector of the charge point; 0 is the charge point as a whole (`anyLabel` names it). */
export function ConnectorSelect({ connectors, value, onChange, anyLabel }: { connectors: Connector[]; value: number; onChange: (connectorId: number) => void; anyLabel: string }) {
  return (
    <label>
      Connector
      <select value={value} onChange={(event) => onChange(Number(event.target.value))}>
        <option value={0}>{anyLabel}</option>
        {connectors.map(({ connectorId }) => (
          <option key={connectorId} value={connectorId}>
            connector {connectorId}
          </option>
        ))}
      </select>
    </label>
  );
}

export const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);

/** The value of a datetime-local input: the operator's local time, to the minute. */
export function localDateTime(at: Date): string {
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
