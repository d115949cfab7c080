import type { ConnectorState } from './connectors';

/** A reservation the wallbox holds (OCPP 1.6 §5.13); connector 0 reserves any one of its connectors. */
export interface Reservation {
  id: number;
  connectorId: number;
  idTag: string;
  parentIdTag: string | undefined;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const NONE: readonly Reservation[] = Object.freeze([]);

export type ReserveNowStatus = 'Accepted' | 'Faulted' | 'Occupied' | 'Rejected' | 'Unavailable';

/** What a start of a tag on a connector makes of the reservations: the one it uses, or that it may not start there. */
export type StartVerdict = { allowed: true; uses: Reservation | undefined } | { allowed: false; reservation: Reservation };

/** The reserving tag, or a tag with the reservation's parent (as the central system told it), may use it. */
export function mayUse(reservation: Reservation, idTag: string, parentIdTag: string | undefined): boolean {
  if (reservation.idTag === idTag) return true;
  return reservation.parentIdTag !== undefined && reservation.parentIdTag === parentIdTag;
}

function isFree(connector: ConnectorState): boolean {
  return connector.operative && !connector.transaction && connector.status === 'Available';
}

/** The reservations a wallbox holds, by id: what ReserveNow, CancelReservation, a start and the clock do to them. */
export class ReservationBook {
  private readonly byId = new Map<number, Reservation>();

  get(id: number): Reservation | undefined {
    return this.byId.get(id);
  }

  add(reservation: Reservation): void {
    this.byId.set(reservation.id, reservation);
  }

  remove(id: number): Reservation | undefined {
    const reservation = this.byId.get(id);
    this.byId.delete(id);
    return reservation;
  }

  onConnector(connectorId: number): Reservation | undefined {
    return [...this.byId.values()].find((reservation) => reservation.connectorId === connectorId);
  }

  /** Checked on every tick of every wallbox: nothing is allocated while none is held. */
  expired(now: number): readonly Reservation[] {
    if (this.byId.size === 0) return NONE;
    return [...this.byId.values()].filter((reservation) => reservation.expiresAt <= now);
  }

  /**
   * The answer to ReserveNow by the state of the connector (OCPP 1.6 §5.13), for a reservation
   * whose id the wallbox does not hold already (one it holds is replaced: the caller removes it first).
   * Connector 0: Accepted while a free connector is left beyond those reserved so.
   */
  statusFor(connectors: ConnectorState[], connectorId: number): ReserveNowStatus {
    if (connectorId === 0) return this.statusForAny(connectors.slice(1));
    const connector = connectors[connectorId];
    if (connector === undefined) return 'Rejected';
    if (connector.status === 'Faulted') return 'Faulted';
    if (!connector.operative || connector.status === 'Unavailable') return 'Unavailable';
    if (connector.transaction || connector.status !== 'Available' || this.onConnector(connectorId)) return 'Occupied';
    return 'Accepted';
  }

  /** May `idTag` (whose parent is `parentIdTag`, if known) start on `connectorId`, and which reservation does it use? */
  verdict(connectors: ConnectorState[], connectorId: number, idTag: string, parentIdTag: string | undefined): StartVerdict {
    const own = this.onConnector(connectorId);
    if (own) return mayUse(own, idTag, parentIdTag) ? { allowed: true, uses: own } : { allowed: false, reservation: own };
    const anyConnector = [...this.byId.values()].filter((reservation) => reservation.connectorId === 0);
    const usable = anyConnector.find((reservation) => mayUse(reservation, idTag, parentIdTag));
    if (usable) return { allowed: true, uses: usable };
    const blocking = anyConnector[0];
    if (blocking === undefined) return { allowed: true, uses: undefined };
    const freeElsewhere = connectors.filter((connector, id) => id > 0 && id !== connectorId && isFree(connector) && !this.onConnector(id)).length;
    return freeElsewhere >= anyConnector.length ? { allowed: true, uses: undefined } : { allowed: false, reservation: blocking };
  }

  private statusForAny(connectors: ConnectorState[]): ReserveNowStatus {
    const free = connectors.filter((connector, index) => isFree(connector) && !this.onConnector(index + 1)).length;
    const heldForAny = [...this.byId.values()].filter((reservation) => reservation.connectorId === 0).length;
    if (free > heldForAny) return 'Accepted';
    if (connectors.every((connector) => connector.status === 'Faulted')) return 'Faulted';
    if (connectors.every((connector) => !connector.operative || connector.status === 'Unavailable')) return 'Unavailable';
    return 'Occupied';
  }
}
