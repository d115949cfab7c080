import { UseFilters } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ChargePointView, ConnectorView } from '../charge-points/charge-point.view';
import { ChargePointsService } from '../charge-points/charge-points.service';
import { ConnectorsService } from '../charge-points/connectors.service';
import type { MeterValueView } from '../charge-points/meter-value.view';
import { AdoptChargePointArgs, ChargePointsArgs, ConnectorArgs, IdentityArgs, MeterValuesArgs, UpdateChargePointArgs } from './arguments';
import { ChargePointObject, ConnectorObject, MeterValueObject } from './charge-point.types';
import { GraphqlErrorFilter } from './graphql-errors';

@UseFilters(GraphqlErrorFilter)
@Resolver(() => ChargePointObject)
export class ChargePointsResolver {
  constructor(
    private readonly chargePointsService: ChargePointsService,
    private readonly connectorsService: ConnectorsService,
  ) {}

  @Query(() => [ChargePointObject], { description: 'charge points with their connectors, by identity' })
  chargePoints(@Args() { state }: ChargePointsArgs): Promise<ChargePointView[]> {
    return this.chargePointsService.list(state);
  }

  @Query(() => ChargePointObject, { nullable: true, description: 'one charge point; NOT_FOUND when unknown' })
  chargePoint(@Args() { identity }: IdentityArgs): Promise<ChargePointView> {
    return this.chargePointsService.get(identity);
  }

  @Query(() => ConnectorObject, { nullable: true, description: 'one connector; NOT_FOUND when unknown' })
  connector(@Args() { identity, connectorId }: ConnectorArgs): Promise<ConnectorView> {
    return this.connectorsService.get(identity, connectorId);
  }

  @Query(() => [MeterValueObject], { description: "a connector's meter value history, oldest first" })
  meterValues(@Args() { identity, connectorId, ...range }: MeterValuesArgs): Promise<MeterValueView[]> {
    return this.connectorsService.meterValues(identity, connectorId, range);
  }

  @Mutation(() => ChargePointObject, { description: 'adopts the charge point (a known one is changed instead)' })
  async adoptChargePoint(@Args() { identity, input }: AdoptChargePointArgs): Promise<ChargePointView> {
    return (await this.chargePointsService.put(identity, input ?? {})).resource;
  }

  @Mutation(() => ChargePointObject, { description: 'changes the settings given (adopting the charge point if it is not yet)' })
  async updateChargePoint(@Args() { identity, input }: UpdateChargePointArgs): Promise<ChargePointView> {
    return (await this.chargePointsService.put(identity, input)).resource;
  }

  @Mutation(() => Boolean, { description: 'forgets it: it is discovered again when it next connects' })
  async forgetChargePoint(@Args() { identity }: IdentityArgs): Promise<true> {
    await this.chargePointsService.forget(identity);
    return true;
  }
}
