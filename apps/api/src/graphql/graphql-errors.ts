import { applyDecorators, BadRequestException, Catch, UseFilters } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { FailureKind, OperationFailure } from '@voltstream/domain';
import { GraphQLError } from 'graphql';
import { PublicRoute } from '../infrastructure/bearer-token.guard';
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

/** Answers a domain failure, or arguments the validation refused, as a GraphQL error with its code. */
@Catch(OperationFailedError, BadRequestException)
export class GraphqlErrorFilter implements GqlExceptionFilter<OperationFailedError | BadRequestException> {
  catch(error: OperationFailedError | BadRequestException): GraphQLError {
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

/**
 * What every resolver class carries. The REST guard reads an HTTP request, which a resolver does not
 * get, so it stands aside here: GraphQL checks the same token once per HTTP request and once per
 * WebSocket connection, before any resolver runs (GraphqlAccess). The REST error filter writes an
 * HTTP response; GraphqlErrorFilter takes its place.
 */
export const GraphqlResolverShell = () => applyDecorators(PublicRoute(), UseFilters(GraphqlErrorFilter));
