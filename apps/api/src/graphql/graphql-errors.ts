import { BadRequestException, Catch, UnauthorizedException } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { FailureKind, OperationFailure } from '@voltstream/domain';
import { GraphQLError } from 'graphql';
import { OperationFailedError } from '../infrastructure/operation-failed.error';

const CODES: Record<FailureKind, string> = {
  notFound: 'NOT_FOUND',
  invalid: 'BAD_USER_INPUT',
  conflict: 'CONFLICT',
  offline: 'CONFLICT',
  timeout: 'GATEWAY_TIMEOUT',
  callError: 'BAD_GATEWAY',
  badGateway: 'BAD_GATEWAY',
};

type Refusal = OperationFailedError | BadRequestException | UnauthorizedException;

/**
 * Every resolver's filter, in place of the REST one (which writes an HTTP response): answers a domain
 * failure, arguments the validation refused or a missing token as a GraphQL error with its code.
 */
@Catch(OperationFailedError, BadRequestException, UnauthorizedException)
export class GraphqlErrorFilter implements GqlExceptionFilter<Refusal> {
  catch(error: Refusal): GraphQLError {
    if (error instanceof UnauthorizedException) return unauthenticated();
    if (error instanceof BadRequestException) return invalidArguments(error);
    return new GraphQLError(error.message, { extensions: { code: CODES[error.failure.kind], ...callErrorFields(error.failure) } });
  }
}

/** The validation's reasons each name the argument, as `input.password must be …`. */
function invalidArguments(error: BadRequestException): GraphQLError {
  const { message } = error.getResponse() as { message?: string | string[] };
  const reasons = [message ?? error.message].flat();
  return new GraphQLError(reasons.join('; '), { extensions: { code: 'BAD_USER_INPUT', reasons } });
}

function callErrorFields(failure: OperationFailure): object {
  if (failure.kind !== 'callError') return {};
  return { ocppErrorCode: failure.code, description: failure.description, details: failure.details };
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('a valid bearer token is required', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

