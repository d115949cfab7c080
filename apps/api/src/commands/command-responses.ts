import { applyDecorators, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiGatewayTimeoutResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  type ApiResponseOptions,
} from '@nestjs/swagger';

export const UNKNOWN_CHARGE_POINT = 'an unknown charge point';

const WALLBOX_ANSWERS = {
  notFound: `${UNKNOWN_CHARGE_POINT} (one the wallbox does not have is for it to answer, e.g. Rejected)`,
  offline: 'the charge point is offline',
  timeout: 'the charge point did not answer in time',
  callError: 'the charge point answered with a CALLERROR',
};

/** The descriptions of a command's answers besides its own 200; null leaves one out. */
export type WallboxAnswerDescriptions = Partial<Record<keyof typeof WALLBOX_ANSWERS, string | null>>;

/** The answers of a route that sends a command to a wallbox, besides its own 200. */
export function WallboxCommandResponses(descriptions: WallboxAnswerDescriptions = {}) {
  const { notFound, offline, timeout, callError } = { ...WALLBOX_ANSWERS, ...descriptions };
  return applyDecorators(
    ...(notFound === null ? [] : [ApiNotFoundResponse({ description: notFound })]),
    ...(offline === null ? [] : [ApiConflictResponse({ description: offline })]),
    ...(timeout === null ? [] : [ApiGatewayTimeoutResponse({ description: timeout })]),
    ...(callError === null ? [] : [ApiBadGatewayResponse({ description: callError })]),
  );
}

/** The answers of every route that sends a command to a wallbox, besides its own 200. */
export function ApiWallboxCommandResponses(): ClassDecorator {
  return applyDecorators(ApiBearerAuth(), WallboxCommandResponses());
}

/** A POST that sends a command to a wallbox and answers 200 with what it answered. */
export const CommandPost = (path: string, ok: ApiResponseOptions = {}) => applyDecorators(Post(path), HttpCode(HttpStatus.OK), ApiOkResponse(ok));

/** A controller of routes below charge-points/:identity, behind the bearer token. */
export const ChargePointController = (tag: string, path = '') =>
  applyDecorators(ApiTags(tag), ApiBearerAuth(), Controller(`charge-points/:identity${path && `/${path}`}`));

/** A GET of what the read models hold for one charge point: 404 for an unknown one. */
export const ChargePointGet = (ok: ApiResponseOptions) =>
  applyDecorators(Get(), ApiOkResponse(ok), ApiNotFoundResponse({ description: UNKNOWN_CHARGE_POINT }));
