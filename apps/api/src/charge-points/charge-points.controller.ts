import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IdentityParams } from '../infrastructure/params';
import { createdOrOk, type ResponseStatus } from '../infrastructure/response-status';
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

  @Put(':identity')
  @ApiOkResponse({ type: ChargePointView, description: 'settings changed' })
  @ApiCreatedResponse({ type: ChargePointView, description: 'adopted' })
  @ApiBadRequestResponse()
  async put(
    @Param() { identity }: IdentityParams,
    @Body() body: PutChargePointBody,
    @Res({ passthrough: true }) response: ResponseStatus,
  ): Promise<ChargePointView> {
    const outcome = await this.chargePoints.put(identity, body);
    response.status(createdOrOk(outcome.adopted));
    return outcome.chargePoint;
  }

  @Delete(':identity')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'forgotten: it is discovered again when it next connects' })
  @ApiNotFoundResponse()
  async forget(@Param() { identity }: IdentityParams): Promise<void> {
    await this.chargePoints.forget(identity);
  }
}
