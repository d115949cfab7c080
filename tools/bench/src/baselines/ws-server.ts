/**
 * Baseline of `connections` and `throughput`: a bare `ws` server that answers every OCPP call at
 * once — or, with BENCH_JETSTREAM_SUBJECT set, only after JetStream acknowledged the frame, which
 * is the least the gateway does before it answers (docs/architecture.md, "The path of one message").
 */
import type { IncomingMessage } from 'node:http';
import { connect, type JetStreamClient } from 'nats';
import { WebSocketServer, type WebSocket } from 'ws';
import { reportFailure, tellParent } from '../ipc';
import { bareAnswer, parseBareCall } from './ocpp-answers';

const heartbeatInterval = Number(process.env.BENCH_HEARTBEAT_INTERVAL ?? 300);
const subject = process.env.BENCH_JETSTREAM_SUBJECT;

function identityOf(request: IncomingMessage): string {
  return decodeURIComponent((request.url ?? '').split('/').pop() ?? '');
}

function serve(socket: WebSocket, identity: string, js: JetStreamClient | undefined): void {
  socket.on('message', (data) => {
    const frame = parseBareCall(data.toString());
    if (!frame) return;
    const [, uniqueId, action] = frame;
    const answer = () => socket.send(JSON.stringify([3, uniqueId, bareAnswer(action, heartbeatInterval, new Date())]));
    if (!js || !subject) return answer();
    js.publish(subject, data as Buffer, { msgID: `${identity}:${uniqueId}` }).then(answer, (error: Error) =>
      socket.send(JSON.stringify([4, uniqueId, 'InternalError', error.message, {}])),
    );
  });
}

async function main(): Promise<void> {
  const nc = subject ? await connect({ servers: process.env.NATS_URL, name: 'bench-baseline-ws' }) : undefined;
  const js = nc?.jetstream();
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    handleProtocols: (protocols) => (protocols.size === 0 || protocols.has('ocpp1.6') ? 'ocpp1.6' : false),
  });
  server.on('connection', (socket, request) => serve(socket, identityOf(request), js));
  server.once('listening', () => {
    const address = server.address();
    tellParent({ kind: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
  });
}

main().catch(reportFailure);
