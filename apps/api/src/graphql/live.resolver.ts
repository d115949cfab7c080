import { UseFilters } from '@nestjs/common';
import { Args, Resolver, Subscription } from '@nestjs/graphql';
import type { ChargePointView } from '../charge-points/charge-point.view';
import type { ReceivedDataTransferView } from '../data-transfers/data-transfer.view';
import type { ReceivedSecurityEventView } from '../security-events/security-event.view';
import type { ReservationView } from '../reservations/reservation.view';
import { InstalledCertificatesChangeObject } from './certificates.resolver';
import { ChargePointObject, ConnectorChangeObject, FleetChangeObject } from './charge-point.types';
import { ChargingProfilesChangeObject } from './charging-profile.types';
import { ReceivedDataTransferObject } from './data-transfers.resolver';
import { GraphqlErrorFilter } from './graphql-errors';
import {
  LiveChanges,
  type ChargingProfilesChange,
  type ConnectorChange,
  type FleetChange,
  type InstalledCertificatesChange,
  type LocalListChange,
} from './live-changes.service';
import { LocalListChangeObject } from './local-list.resolver';
import { ReservationObject } from './reservation.types';
import { ReceivedSecurityEventObject } from './security-events.resolver';

const identityFilter = { type: () => String, nullable: true, description: 'only this charge point; all when absent' } as const;
/** `what`: what is handed out first, as it is now. */
const currentFlag = (what: string) =>
  ({
    type: () => Boolean,
    nullable: true,
    description: `with an identity: first ${what} as it is now, read once its changes are followed (no change is missed between a read and the subscription)`,
  }) as const;

/** The changes themselves are the values: no wrapping object keyed by the field name. */
const asChange = <T>(change: T): T => change;

@UseFilters(GraphqlErrorFilter)
@Resolver()
export class LiveResolver {
  constructor(private readonly live: LiveChanges) {}

  @Subscription(() => ChargePointObject, { resolve: asChange, description: 'a charge point as it is after each change' })
  chargePointChanged(
    @Args('identity', identityFilter) identity?: string,
    @Args('current', currentFlag('the charge point')) current?: boolean,
  ): Promise<AsyncIterableIterator<ChargePointView>> {
    return current && identity ? this.live.chargePointNowAndChanges(identity) : this.live.chargePointChanges(identity);
  }

  @Subscription(() => FleetChangeObject, {
    resolve: asChange,
    description: 'every charge point as it is after each change, after a first change without one: read the fleet once it arrives and apply the later ones on it; no change is missed. A later change without one (the client lagged far behind) asks for a new read',
  })
  fleetChanged(): Promise<AsyncIterableIterator<FleetChange>> {
    return this.live.fleetChanges();
  }

  @Subscription(() => ConnectorChangeObject, { resolve: asChange, description: 'a connector as it is after each change' })
  connectorChanged(@Args('identity', identityFilter) identity?: string): Promise<AsyncIterableIterator<ConnectorChange>> {
    return this.live.connectorChanges(identity);
  }

  @Subscription(() => ReservationObject, {
    resolve: asChange,
    description: 'a reservation as it is after each step of its lifecycle (requested, accepted or rejected, used, cancelled, expired); a step taken while the one before is read shows in that one',
  })
  reservationChanged(
    @Args('identity', identityFilter) identity?: string,
    @Args('current', currentFlag("the charge point's reservations (newest first, as the reservations query lists them)")) current?: boolean,
  ): Promise<AsyncIterableIterator<ReservationView>> {
    return current && identity ? this.live.reservationsNowAndChanges(identity) : this.live.reservationChanges(identity);
  }

  @Subscription(() => ChargingProfilesChangeObject, {
    resolve: asChange,
    description: 'every profile a charge point holds after a change: a profile it accepted or cleared, or a transaction that took or ended its TxProfile; a change made while the one before is read shows in that one',
  })
  chargingProfilesChanged(
    @Args('identity', identityFilter) identity?: string,
    @Args('current', currentFlag("the charge point's profiles")) current?: boolean,
  ): Promise<AsyncIterableIterator<ChargingProfilesChange>> {
    return current && identity ? this.live.chargingProfilesNowAndChanges(identity) : this.live.chargingProfilesChanges(identity);
  }

  @Subscription(() => LocalListChangeObject, {
    resolve: asChange,
    description: "where a charge point's local list stands after each change: the version wanted, a chunk sent and the wallbox's answer, the version or maximum length read from it",
  })
  localListChanged(
    @Args('identity', identityFilter) identity?: string,
    @Args('current', currentFlag("the charge point's local list")) current?: boolean,
  ): Promise<AsyncIterableIterator<LocalListChange>> {
    return current && identity ? this.live.localListNowAndChanges(identity) : this.live.localListChanges(identity);
  }

  @Subscription(() => ReceivedDataTransferObject, { resolve: asChange, description: 'each DataTransfer a wallbox sends, with the answer it got, once it is listed' })
  dataTransferReceived(@Args('identity', identityFilter) identity?: string): Promise<AsyncIterableIterator<ReceivedDataTransferView>> {
    return this.live.dataTransfersReceived(identity);
  }

  @Subscription(() => ReceivedSecurityEventObject, { resolve: asChange, description: 'each SecurityEventNotification a wallbox sends, once it is listed' })
  securityEventReceived(@Args('identity', identityFilter) identity?: string): Promise<AsyncIterableIterator<ReceivedSecurityEventView>> {
    return this.live.securityEventsReceived(identity);
  }

  @Subscription(() => InstalledCertificatesChangeObject, {
    resolve: asChange,
    description:
      "every certificate a wallbox is believed to hold after one of its answers (GetInstalledCertificateIds, InstallCertificate, DeleteCertificate); the signing of its own certificate shows in chargePointChanged (certificateSigningStatus)",
  })
  installedCertificatesChanged(
    @Args('identity', identityFilter) identity?: string,
    @Args('current', currentFlag("the charge point's certificates")) current?: boolean,
  ): Promise<AsyncIterableIterator<InstalledCertificatesChange>> {
    return current && identity ? this.live.installedCertificatesNowAndChanges(identity) : this.live.installedCertificatesChanges(identity);
  }
}
