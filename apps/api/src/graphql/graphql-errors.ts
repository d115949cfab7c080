import { BadRequestException, Catch, UnauthorizedException } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { FailureKind, OperationFailure } from '@voltstream/domain';
import { GraphQLError } from 'graphql';
import { OperationFailedError } from '../infrastructure/operation-failed.error';
import { WriteNotYetVisibleError } from '../infrastructure/write-not-yet-visible.error';

const CODES: Record<FailureKind, string> = {
  notFound: 'NOT_FOUND',
  invalid: 'BAD_USER_INPUT',
  conflict: 'CONFLICT',
  offline: 'CONFLICT',
  timeout: 'GATEWAY_TIMEOUT',
  callError: 'BAD_GATEWAY',
  badGateway: 'BAD_GATEWAY',
  unavailable: 'SERVICE_UNAVAILABLE',
};

type Refusal = OperationFailedError | WriteNotYetVisibleError | BadRequestException | UnauthorizedException;

/**
 * Every resolver's filter, in place of the REST one (which writes an HTTP response): answers a domain
 * failure, arguments the validation refused or a missing token as a GraphQL error with its code.
 */
@Catch(OperationFailedError, WriteNotYetVisibleError, BadRequestException, UnauthorizedException)
export class GraphqlErrorFilter implements GqlExceptionFilter<Refusal> {
  catch(error: Refusal): GraphQLError {
    if (error instanceof UnauthorizedException) return unauthenticated();
    if (error instanceof BadRequestException) return invalidArguments(error);
    if (error instanceof WriteNotYetVisibleError) return notYetVisible(error);
    return new GraphQLError(error.message, { extensions: { code: CODES[error.failure.kind], ...callErrorFields(error.failure) } });
  }
}

/** The mutation is stored and takes effect; the query that shows it is the client's to repeat. */
function notYetVisible(error: WriteNotYetVisibleError): GraphQLError {
  return new GraphQLError(`${error.message}: query it again shortly`, { extensions: { code: 'NOT_YET_VISIBLE', sequence: error.sequence } });
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

