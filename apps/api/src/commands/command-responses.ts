import { applyDecorators, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiConflictResponse,
  ApiGatewayTimeoutResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  type ApiResponseOptions,
} from '@nestjs/swagger';
import { UNKNOWN_CHARGE_POINT } from '../infrastructure/resource-routes';

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

/** A POST that sends a command to a wallbox and answers 200 with what it answered. */
export const CommandPost = (path: string, ok: ApiResponseOptions = {}) => applyDecorators(Post(path), HttpCode(HttpStatus.OK), ApiOkResponse(ok));
