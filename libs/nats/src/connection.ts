import { connect, type NatsConnection } from 'nats';

/** The one way a Voltstream process connects to NATS: named, reconnecting for ever. */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({
    servers: url.split(',').map((server) => server.trim()),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: false,
    // Otherwise every request (each JetStream publish) captures up to three stack traces up front,
    // in case it fails: a tenth of the gateway's time under load.
    noAsyncTraces: true,
  });
}
