import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';

export type Frame = unknown[];

export type Handshake =
  | { ok: true; wallbox: TestWallbox }
  | { ok: false; status: number; body: string; headers: IncomingMessage['headers'] };

export interface ConnectOptions {
  protocols?: string[];
  /** Text is sent as its UTF-8 bytes; a Buffer as it is. */
  password?: string | Buffer;
  /** The source address, e.g. `127.0.0.2`: on Linux all of 127.0.0.0/8 reaches the loopback gateway. */
  localAddress?: string;
}

/** A bare-bones OCPP-J wallbox for tests: sends raw frames, reads every frame it receives. */
export class TestWallbox {
  readonly received: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];
  private counter = 0;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(data.toString()) as Frame);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static connect(url: string, identity: string, options: ConnectOptions = {}): Promise<Handshake> {
    const headers: Record<string, string> = {};
    if (options.password !== undefined) {
      headers.Authorization = `Basic ${Buffer.concat([Buffer.from(`${identity}:`), Buffer.from(options.password)]).toString('base64')}`;
    }
    const socket = new WebSocket(`${url}/ocpp/${encodeURIComponent(identity)}`, options.protocols ?? ['ocpp1.6'], { headers, localAddress: options.localAddress });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve({ ok: true, wallbox: new TestWallbox(socket) }));
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ ok: false, status: response.statusCode ?? 0, body, headers: response.headers }));
      });
      socket.once('error', reject);
    });
  }

  static async open(url: string, identity: string, options: ConnectOptions = {}): Promise<TestWallbox> {
    const handshake = await TestWallbox.connect(url, identity, options);
    if (!handshake.ok) throw new Error(`handshake refused: ${handshake.status} ${handshake.body}`);
    return handshake.wallbox;
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  /** Sends a CALL and waits for the CALLRESULT or CALLERROR with its unique id. */
  async call(action: string, payload: object, uniqueId = `w${++this.counter}`): Promise<Frame> {
    const sentAt = this.received.length;
    this.sendRaw(JSON.stringify([2, uniqueId, action, payload]));
    return this.waitFor((frame) => frame[0] !== 2 && frame[1] === uniqueId, sentAt);
  }

  /** The first frame received from index `from` on that matches, waiting for it if need be. */
  async waitFor(matches: (frame: Frame) => boolean, from = 0, timeoutMs = 10_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.slice(from).find(matches);
      if (found) return found;
      if (Date.now() > deadline || this.socket.readyState === WebSocket.CLOSED) throw new Error('expected frame did not arrive');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for a CALL from the central system, by action. */
  incomingCall(action: string): Promise<Frame> {
    return this.waitFor((frame) => frame[0] === 2 && frame[2] === action);
  }

  answer(call: Frame, payload: object): void {
    this.sendRaw(JSON.stringify([3, call[1], payload]));
  }

  close(): Promise<{ code: number; reason: string }> {
    this.socket.close();
    return this.closed;
  }
}
