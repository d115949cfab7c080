import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { subjectsFor } from '@voltstream/contracts';
import { connectNats } from '@voltstream/nats';
import { expect } from 'vitest';
import type { System } from './system';
import { SLOW_MS } from './wallboxes';

/** A GraphQL-over-WebSocket client of the API, as an operator's (graphql-ws, the bearer token in connectionParams). */
export function liveClient(system: System): Client {
  return createClient({
    url: `${system.services.apiUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${system.env.API_TOKEN}` },
    retryAttempts: 0,
  });
}

export interface Received<T> {
  values: T[];
  errors: unknown[];
  unsubscribe(): void;
}

/** Subscribes with `query`; every value of its one field is pushed to `values`. */
export function received<T>(client: Client, query: string): Received<T> {
  const got: Received<T> = { values: [], errors: [], unsubscribe: () => undefined };
  got.unsubscribe = client.subscribe<Record<string, T>>(
    { query },
    {
      next: ({ data }) => data && got.values.push(...Object.values(data)),
      error: (error) => got.errors.push(error),
      complete: () => undefined,
    },
  );
  return got;
}

/**
 * Subscribes as `received` does, and resolves once the API follows the event log for it (a consumer
 * of its own on the events stream): every event appended afterwards reaches the subscription. For
 * the first subscription of an API that has none; later ones share its consumer.
 */
export async function firstSubscription<T>(system: System, client: Client, query: string): Promise<Received<T>> {
  const nc = await connectNats(system.env.NATS_URL, 'e2e-live');
  try {
    const { eventsStream, allEvents } = subjectsFor(system.namespace);
    const jsm = await nc.jetstreamManager();
    const followers = async () => {
      const consumers = await jsm.consumers.list(eventsStream).next();
      return consumers
        .filter((info) => info !== null && !info.config.durable_name)
        .filter(({ config }) => config.filter_subject === allEvents || config.filter_subjects?.includes(allEvents))
        .map(({ name }) => name);
    };
    const before = await followers();
    const got = received<T>(client, query);
    await expect.poll(async () => (await followers()).filter((name) => !before.includes(name)).length, { timeout: SLOW_MS }).toBeGreaterThan(0);
    return got;
  } finally {
    await nc.close();
  }
}
