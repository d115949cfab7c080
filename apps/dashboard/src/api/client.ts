import { createClient as createSocketClient, type Client as SocketClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, subscriptionExchange } from 'urql';

/** graphql-ws closes a connection whose token the API refuses with this code. */
const FORBIDDEN = 4403;

const isForbidden = (event: unknown) => (event as { code?: number } | null)?.code === FORBIDDEN;

export interface ApiConnection {
  client: Client;
  close(): void;
}

/**
 * The GraphQL client of a signed-in operator: queries and mutations over HTTP, subscriptions over one
 * graphql-ws socket that reconnects whenever the API restarts. A refused token signs the operator out.
 */
export function connectApi(token: string, onRefused: () => void): ApiConnection {
  const authorization = `Bearer ${token}`;
  const socket: SocketClient = createSocketClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: { authorization },
    retryAttempts: Infinity,
    shouldRetry: (event) => !isForbidden(event),
    on: { closed: (event) => isForbidden(event) && onRefused() },
  });
  const client = new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // POST: Apollo refuses a GET without a preflight header as a possible cross-site request forgery.
    preferGetMethod: false,
    fetchOptions: { headers: { authorization } },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) onRefused();
      return response;
    },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, close: () => void socket.dispose() };
}
