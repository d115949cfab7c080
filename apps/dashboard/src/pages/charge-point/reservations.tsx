import { useState, type FormEvent } from 'react';
import { CancelReservationDocument, ReserveNowDocument } from '../../api/generated';
import type { Connector } from '../../api/types';
import { AnswerBadge, CommandButton, useCommand } from '../../components/command';
import { formatTime, orDash } from '../../format';
import { useLiveReservations } from '../../live';
import { ConnectorSelect, inMinutes, localDateTime } from './inputs';

const HOLD_MINUTES = 30;
/** A reservation the wallbox may still hold: the one it can be asked to cancel. */
const CANCELLABLE = new Set(['requested', 'accepted']);

/** ReserveNow with a tag and an expiry, CancelReservation, and the charge point's reservations, newest first, live: each step shows as it is taken. */
export function Reservations({ identity, connectors }: { identity: string; connectors: Connector[] }) {
  const reservations = useLiveReservations(identity);
  const [connectorId, setConnectorId] = useState(0);
  const [idTag, setIdTag] = useState('');
  const [expiresAt, setExpiresAt] = useState(() => localDateTime(inMinutes(HOLD_MINUTES)));
  const [answer, reserve] = useCommand(ReserveNowDocument);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void reserve({ identity, connectorId, idTag: idTag.trim(), expiresAt: new Date(expiresAt).toISOString() });
  };
  return (
    <section aria-labelledby="reservations-title">
      <h2 id="reservations-title">Reservations</h2>
      <form className="inline" onSubmit={submit} aria-label="Reserve now">
        <ConnectorSelect connectors={connectors} value={connectorId} onChange={setConnectorId} anyLabel="any connector" />
        <label>
          Id tag to reserve for
          <input value={idTag} onChange={(event) => setIdTag(event.target.value)} maxLength={20} required size={12} />
        </label>
        <label>
          Expires
          <input type="datetime-local" value={expiresAt} onChange={(event) => setExpiresAt(event.target.value)} required />
        </label>
        <button type="submit" disabled={answer?.kind === 'pending'}>
          Reserve
        </button>
        <AnswerBadge answer={answer} />
      </form>
      {reservations.length === 0 ? (
        <p>No reservations.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Reservations of this charge point, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Connector</th>
                <th scope="col">Id tag</th>
                <th scope="col">Expires</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Cancel</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reservations.map((reservation) => (
                <tr key={reservation.reservationId} data-reservation={reservation.reservationId}>
                  <th scope="row">{reservation.reservationId}</th>
                  <td>{reservation.connectorId === 0 ? 'any' : reservation.connectorId}</td>
                  <td>{reservation.idTag}</td>
                  <td>{formatTime(reservation.expiresAt)}</td>
                  <td title={reservation.reason ?? undefined}>
                    {reservation.status}
                    {reservation.answer && reservation.answer !== 'Accepted' ? ` (${reservation.answer})` : ''}
                    {reservation.transactionId !== null ? ` · transaction ${orDash(reservation.transactionId)}` : ''}
                  </td>
                  <td>
                    {/* Kept once it ended, so that the wallbox's answer to the cancel stays beside it. */}
                    <CommandButton
                      document={CancelReservationDocument}
                      variables={{ id: reservation.reservationId }}
                      label={`Cancel reservation ${reservation.reservationId}`}
                      disabled={!CANCELLABLE.has(reservation.status)}
                    >
                      Cancel
                    </CommandButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
