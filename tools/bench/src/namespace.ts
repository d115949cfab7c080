import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import { dropDatabase } from '@voltstream/read-models';

/** A namespace of its own per scenario run (VOLTSTREAM_NAMESPACE): subjects and streams never meet. */
export function benchNamespace(scenario: string): string {
  return `${scenario}_${randomBytes(3).toString('hex')}`;
}

/** The scenario's own database on the benchmark's Postgres server. */
export function benchDatabaseUrl(postgresUrl: string, namespace: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/voltstream_bench_${namespace}`;
  return url.toString();
}

/** Stream names carry the namespace in upper case (subjectsFor), KV buckets (`KV_<bucket>`) as it is. */
function belongsTo(stream: string, namespace: string): boolean {
  return stream.toUpperCase().includes(namespace.toUpperCase().replace(/-/g, '_'));
}

/** Deletes every stream of the namespace and its database. */
export async function removeNamespace(natsUrl: string, postgresUrl: string, namespace: string): Promise<string[]> {
  const nc = await connect({ servers: natsUrl, name: 'bench-cleanup' });
  const removed: string[] = [];
  try {
    const jsm = await nc.jetstreamManager();
    for await (const stream of jsm.streams.names()) {
      if (!belongsTo(stream, namespace)) continue;
      await jsm.streams.delete(stream);
      removed.push(stream);
    }
  } finally {
    await nc.close();
  }
  await dropDatabase(benchDatabaseUrl(postgresUrl, namespace));
  return removed;
}
