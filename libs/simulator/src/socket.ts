import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import { HandshakeRefusedError } from './errors';

/** TLS of a `wss://` connection: the CA bundle to trust, and the client certificate of security profile 3. */
export interface ClientTls {
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
}

export interface SocketOptions {
  protocols: string[];
  /** Sent as `Authorization: Basic base64(identity:password)` (OCPP 1.6 security profile 1); text as its UTF-8 bytes. */
  basicAuth?: { identity: string; password: string | Buffer };
  localAddress?: string;
  tls?: ClientTls;
  handshakeTimeoutMs: number;
  /**
   * Called in the 'open' event, before the promise resolves: frames that came in the same read as
   * the handshake answer are emitted before any code after `await openSocket(...)` runs.
   */
  onOpen(socket: WebSocket): void;
}

/** `base` + `/` + the URL-encoded identity: the charge point's endpoint (SPEC §3). */
export function endpointOf(base: string, identity: string): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(identity)}`;
}

function authorizationHeader(basicAuth: SocketOptions['basicAuth']): Record<string, string> {
  if (!basicAuth) return {};
  const credentials = Buffer.concat([Buffer.from(`${basicAuth.identity}:`), Buffer.from(basicAuth.password)]).toString('base64');
  return { Authorization: `Basic ${credentials}` };
}

/** Opens a WebSocket; rejects with HandshakeRefusedError when the server answers with an HTTP status. */
export function openSocket(url: string, options: SocketOptions): Promise<WebSocket> {
  const socket = new WebSocket(url, options.protocols, {
    headers: authorizationHeader(options.basicAuth),
    localAddress: options.localAddress,
    handshakeTimeout: options.handshakeTimeoutMs,
    // Thousands of sockets per process: a deflate context each would cost far more than it saves.
    perMessageDeflate: false,
    ...options.tls,
  });
  return new Promise((resolve, reject) => {
    let refusal: HandshakeRefusedError | undefined;
    const onRefused = (_request: unknown, response: IncomingMessage): void => {
      refusal = new HandshakeRefusedError(response.statusCode ?? 0, response.statusMessage);
      response.resume();
      socket.terminate();
    };
    const onError = (error: Error): void => {
      stopListening();
      reject(refusal ?? error);
    };
    const onOpen = (): void => {
      stopListening();
      options.onOpen(socket);
      resolve(socket);
    };
    const stopListening = (): void => {
      socket.off('unexpected-response', onRefused).off('error', onError).off('open', onOpen);
    };
    socket.on('unexpected-response', onRefused).on('error', onError).on('open', onOpen);
  });
}
