import { applyDecorators } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiBearerAuth, ApiConflictResponse, ApiGatewayTimeoutResponse, ApiNotFoundResponse } from '@nestjs/swagger';

/** The answers of every route that sends a command to a wallbox, besides its own 200. */
export function ApiWallboxCommandResponses(): ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiNotFoundResponse({ description: 'an unknown charge point (one the wallbox does not have is for it to answer, e.g. Rejected)' }),
    ApiConflictResponse({ description: 'the charge point is offline' }),
    ApiGatewayTimeoutResponse({ description: 'the charge point did not answer in time' }),
    ApiBadGatewayResponse({ description: 'the charge point answered with a CALLERROR' }),
  );
}
