import { UseFilters } from '@nestjs/common';
import { Args, Resolver, Subscription } from '@nestjs/graphql';
import type { ChargePointView } from '../charge-points/charge-point.view';
import { ChargePointObject, ConnectorChangeObject, FleetChangeObject } from './charge-point.types';
import { GraphqlErrorFilter } from './graphql-errors';
import { LiveChanges, type ConnectorChange, type FleetChange } from './live-changes.service';

const identityFilter = { type: () => String, nullable: true, description: 'only this charge point; all when absent' } as const;
const currentFlag = {
  type: () => Boolean,
  nullable: true,
  description: 'with an identity: first the charge point as it is now, read once its changes are followed (no change is missed between a read and the subscription)',
} as const;

/** The changes themselves are the values: no wrapping object keyed by the field name. */
const asChange = <T>(change: T): T => change;

@UseFilters(GraphqlErrorFilter)
@Resolver()
export class LiveResolver {
  constructor(private readonly live: LiveChanges) {}

  @Subscription(() => ChargePointObject, { resolve: asChange, description: 'a charge point as it is after each change' })
  chargePointChanged(
    @Args('identity', identityFilter) identity?: string,
    @Args('current', currentFlag) current?: boolean,
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
}
