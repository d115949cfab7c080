import { loadConfig, type Config } from '@voltstream/config';
import {
  EVENT_CATEGORIES,
  subjectsFor,
  type EventOf,
  type EventType,
  type Subjects,
  type VoltstreamEvent,
} from '@voltstream/contracts';
import { connectNats, EventPublisher, followEvents } from '@voltstream/nats';
import { dropDatabase } from '@voltstream/read-models';
import { testEnv, uniqueNamespace } from '@voltstream/testing';
import type { NatsConnection } from 'nats';
import { startApi, type RunningApi } from '../src/api';
import { startTestProjection } from './projection';

export const TEST_TOKEN = 'test-token-0123456789abcdef';

export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
}

export interface RequestOptions {
  body?: unknown;
  /** null sends no Authorization header. */
  token?: string | null;
}

/** An API started in-process on a port of its own, in a NATS namespace and database of its own. */
export interface TestApi {
  /** The environment the API was configured from, for services a test starts beside it. */
  env: Record<string, string>;
  config: Config;
  subjects: Subjects;
  /** A connection of the test's own, to play other services (the gateway) and to inspect the log. */
  nc: NatsConnection;
  api: RunningApi;
  /** Appends an event as another service (the gateway) would; resolves once it is projected. */
  record(event: VoltstreamEvent): Promise<void>;
  /** The last event of this type about this charge point in the log, if any. */
  lastEvent<T extends EventType>(type: T, identity: string | null): Promise<EventOf<T> | null>;
  request(method: string, path: string, options?: RequestOptions): Promise<Answer>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  env?: Record<string, string>;
  /** Runs the real state projection too (built: `npm run build`), for tests that write or need read models filled from events. */
  projection?: boolean;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const namespace = uniqueNamespace();
  const env = testEnv(namespace, { API_PORT: '0', API_TOKEN: TEST_TOKEN, ...options.env });
  const config = loadConfig(env);
  const api = await startApi(config);
  const projection = options.projection ? await startTestProjection(env, config.databaseUrl) : undefined;
  const nc = await connectNats(config.natsUrl, 'api-test');
  const subjects = subjectsFor(namespace);
  const publisher = new EventPublisher(nc, subjects);
  return {
    env,
    config,
    subjects,
    nc,
    api,
    record: async (event) => {
      if (!projection) throw new Error('record() needs the projection: start the test API with projection: true');
      await projection.reached((await publisher.publish(event)).seq);
    },
    lastEvent: (type, identity) => lastEvent(nc, subjects, type, identity),
    request: (method, path, requestOptions = {}) => send(api, method, path, requestOptions),
    close: async () => {
      await projection?.close();
      await api.close();
      await deleteStreams(nc, subjects);
      await nc.close();
      await dropDatabase(config.databaseUrl);
    },
  };
}

async function send(api: RunningApi, method: string, path: string, options: RequestOptions): Promise<Answer> {
  const token = options.token === undefined ? api.token : options.token;
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`http://127.0.0.1:${api.port}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const json = text && response.headers.get('content-type')?.includes('json');
  return { status: response.status, headers: response.headers, body: json ? JSON.parse(text) : text };
}

async function lastEvent<T extends EventType>(
  nc: NatsConnection,
  subjects: Subjects,
  type: T,
  identity: string | null,
): Promise<EventOf<T> | null> {
  let last: EventOf<T> | null = null;
  const follower = await followEvents(nc, subjects.eventsStream, eventsAbout(subjects, type, identity), ({ event }) => {
    if (event.type === type && event.metadata.chargePoint === identity) last = event as EventOf<T>;
  });
  await follower.stop();
  return last;
}

function eventsAbout(subjects: Subjects, type: EventType, identity: string | null): string {
  const category = EVENT_CATEGORIES[type];
  if (category === 'tags') return subjects.eventsOf('tags');
  if (identity === null) throw new Error(`${type} is about a charge point: name it`);
  return category === 'registry' ? subjects.registrationHistory(identity) : subjects.event('station', identity, type);
}

async function deleteStreams(nc: NatsConnection, subjects: Subjects): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for (const stream of [subjects.eventsStream, subjects.billingStream, subjects.transactionIdStream, subjects.reservationIdStream]) {
    await jsm.streams.delete(stream);
  }
  for (const bucket of [subjects.firmwareImagesBucket, subjects.diagnosticsFilesBucket]) {
    await jsm.streams.delete(`OBJ_${bucket}`).catch(() => false);
  }
}
