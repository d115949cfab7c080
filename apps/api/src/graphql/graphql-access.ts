import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Context as ConnectionContext } from 'graphql-ws';
import type { BearerToken } from '../infrastructure/bearer-token';
import type { AuthorizedRequest } from '../infrastructure/bearer-token.guard';
import { unauthenticated } from './graphql-errors';

/** A resolver's context: the request whose token BearerTokenGuard checks, as on a REST route. */
interface GraphqlContext {
  req: AuthorizedRequest;
}

/**
 * The token is checked before any resolver runs too, so that a client without it is refused whole:
 * an HTTP request with 401, a WebSocket connection by closing it (graphql-ws: 4403).
 */
export function graphqlAccess(token: BearerToken, path: string): Pick<ApolloDriverConfig, 'context' | 'subscriptions'> {
  return {
    // Called with Apollo's { req, res } per HTTP request, and with graphql-ws's context per subscription.
    context: (input: { req: AuthorizedRequest } | ConnectionContext) => ('req' in input ? httpContext(token, input.req) : connectionContext(input)),
    subscriptions: {
      'graphql-ws': { path, onConnect: ({ connectionParams }) => token.admits(connectionParams?.authorization) },
    },
  };
}

function httpContext(token: BearerToken, req: AuthorizedRequest): GraphqlContext {
  if (!token.admits(req.headers.authorization)) throw unauthenticated();
  return { req };
}

/** A subscription's request is its connection's: a browser cannot set headers there, so the token is a connection parameter. */
function connectionContext({ connectionParams }: ConnectionContext): GraphqlContext {
  return { req: { headers: { authorization: connectionParams?.authorization } } };
}
