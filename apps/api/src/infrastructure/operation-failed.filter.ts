import { ArgumentsHost, Catch, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FailureKind, OperationFailure } from '@voltstream/domain';
import { OperationFailedError } from './operation-failed.error';

const STATUS: Record<FailureKind, HttpStatus> = {
  notFound: HttpStatus.NOT_FOUND,
  invalid: HttpStatus.BAD_REQUEST,
  conflict: HttpStatus.CONFLICT,
  offline: HttpStatus.CONFLICT,
  timeout: HttpStatus.GATEWAY_TIMEOUT,
  callError: HttpStatus.BAD_GATEWAY,
  badGateway: HttpStatus.BAD_GATEWAY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Seconds a client should wait before trying again while a dependency is down. */
const RETRY_AFTER_S = 5;

const ERROR_NAMES: Partial<Record<HttpStatus, string>> = {
  [HttpStatus.NOT_FOUND]: 'Not Found',
  [HttpStatus.BAD_REQUEST]: 'Bad Request',
  [HttpStatus.CONFLICT]: 'Conflict',
  [HttpStatus.GATEWAY_TIMEOUT]: 'Gateway Timeout',
  [HttpStatus.BAD_GATEWAY]: 'Bad Gateway',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'Service Unavailable',
};

/** Answers a domain failure in the shape NestJS gives its own HTTP errors. */
@Catch(OperationFailedError)
export class OperationFailedFilter implements ExceptionFilter<OperationFailedError> {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: OperationFailedError, host: ArgumentsHost): void {
    const statusCode = STATUS[error.failure.kind];
    // A 400 lists its reasons, as the validation of bodies does.
    const message = statusCode === HttpStatus.BAD_REQUEST ? [error.message] : error.message;
    const body = { statusCode, error: ERROR_NAMES[statusCode], message, ...callErrorFields(error.failure) };
    const { httpAdapter } = this.adapterHost;
    const response = host.switchToHttp().getResponse();
    if (error.failure.kind === 'unavailable') httpAdapter.setHeader(response, 'Retry-After', String(RETRY_AFTER_S));
    httpAdapter.reply(response, body, statusCode);
  }
}

function callErrorFields(failure: OperationFailure): object {
  if (failure.kind !== 'callError') return {};
  return { code: failure.code, description: failure.description, details: failure.details };
}
