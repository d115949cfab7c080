import { createClient as createSocketClient, type Client as SocketClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, subscriptionExchange } from 'urql';

/** graphql-ws closes a connection whose token the API refuses with this code. */
const FORBIDDEN = 4403;

const isForbidden = (event: unknown) => (event as { code?: number } | null)?.code === FORBIDDEN;

/** Back soon after the API: 0.5, 1, 2, 4, then every 5 s, each with up to 0.5 s of jitter so that many tabs spread out. */
const retryWait = (retries: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.min(500 * 2 ** retries, 5000) + Math.random() * 500));

export interface ApiConnection {
  client: Client;
  close(): void;
}

export interface ConnectionEvents {
  /** The API refused the token: sign out. */
  onRefused(): void;
  /** The socket is back after it was lost: what changed meanwhile was not sent, so read everything again. */
  onReconnected(): void;
}

/**
 * The GraphQL client of a signed-in operator: queries and mutations over HTTP, subscriptions over one
 * graphql-ws socket that reconnects whenever the API restarts.
 */
export function connectApi(token: string, { onRefused, onReconnected }: ConnectionEvents): ApiConnection {
  const authorization = `Bearer ${token}`;
  const socket: SocketClient = createSocketClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: { authorization },
    retryAttempts: Infinity,
    retryWait,
    shouldRetry: (event) => !isForbidden(event),
    on: {
      closed: (event) => isForbidden(event) && onRefused(),
      connected: (_socket, _payload, wasRetry) => wasRetry && onReconnected(),
    },
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
