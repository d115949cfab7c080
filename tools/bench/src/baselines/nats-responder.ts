/** Baseline of `authorize`: a NATS responder that answers every request with a fixed decision. */
import { connect, JSONCodec } from 'nats';
import { reportFailure, tellParent } from '../ipc';

async function main(): Promise<void> {
  const subject = process.env.BENCH_NATS_SUBJECT;
  if (!subject) throw new Error('BENCH_NATS_SUBJECT is not set');
  const nc = await connect({ servers: process.env.NATS_URL, name: 'bench-baseline-responder' });
  const reply = JSONCodec().encode({ idTagInfo: { status: 'Accepted' } });
  nc.subscribe(subject, { queue: 'bench-baseline', callback: (_error, message) => message.respond(reply) });
  await nc.flush();
  tellParent({ kind: 'ready' });
}

main().catch(reportFailure);
