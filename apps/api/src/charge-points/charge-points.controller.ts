import { Body, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdentityParams } from '../infrastructure/params';
import { answerPut, DeleteRoute, PutRoute, type ResponseStatus } from '../infrastructure/resource-routes';
import { ListChargePointsQuery, PutChargePointBody } from './charge-point.dto';
import { ChargePointView } from './charge-point.view';
import { ChargePointsService } from './charge-points.service';

@ApiTags('charge points')
@ApiBearerAuth()
@Controller('charge-points')
export class ChargePointsController {
  constructor(private readonly chargePoints: ChargePointsService) {}

  @Get()
  @ApiOkResponse({ type: [ChargePointView] })
  list(@Query() query: ListChargePointsQuery): Promise<ChargePointView[]> {
    return this.chargePoints.list(query.state);
  }

  @Get(':identity')
  @ApiOkResponse({ type: ChargePointView })
  @ApiNotFoundResponse()
  get(@Param() { identity }: IdentityParams): Promise<ChargePointView> {
    return this.chargePoints.get(identity);
  }

  @PutRoute(':identity', ChargePointView, { created: 'adopted', changed: 'settings changed' })
  async put(
    @Param() { identity }: IdentityParams,
    @Body() body: PutChargePointBody,
    @Res({ passthrough: true }) response: ResponseStatus,
  ): Promise<ChargePointView> {
    return answerPut(response, await this.chargePoints.put(identity, body));
  }

  @DeleteRoute(':identity', 'forgotten: it is discovered again when it next connects')
  async forget(@Param() { identity }: IdentityParams): Promise<void> {
    await this.chargePoints.forget(identity);
  }
}
