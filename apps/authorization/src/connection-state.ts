import { Events, type NatsConnection } from 'nats';

/** Tracks whether the connection is up, for the readiness check; it reconnects on its own. */
export function watchConnection(nc: NatsConnection): () => boolean {
  let connected = true;
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === Events.Disconnect) connected = false;
      if (status.type === Events.Reconnect) connected = true;
    }
  })();
  return () => connected && !nc.isClosed();
}
