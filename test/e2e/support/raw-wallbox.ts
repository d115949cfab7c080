import { once } from 'node:events';
import { vi } from 'vitest';
import WebSocket from 'ws';
import { SLOW_MS } from './wallboxes';

export type Frame = unknown[];

/**
 * A wallbox that writes frames exactly as given and keeps every frame it receives, for the tests
 * of what the central system does with input a well-behaved wallbox never sends.
 */
export class RawWallbox {
  /** Every frame received, parsed, in order. */
  readonly received: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.received.push(JSON.parse(data.toString()) as Frame));
    this.closed = once(socket, 'close').then(([code, reason]) => ({ code: code as number, reason: String(reason) }));
  }

  static async connect(ocppUrl: string, identity: string): Promise<RawWallbox> {
    const socket = new WebSocket(`${ocppUrl}/${encodeURIComponent(identity)}`, ['ocpp1.6']);
    await once(socket, 'open');
    return new RawWallbox(socket);
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends a string as it is, anything else as its JSON. */
  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The CALLRESULT or CALLERROR answering the CALL with this unique id. */
  answerTo(uniqueId: string): Promise<Frame> {
    return vi.waitFor(
      () => {
        const answer = this.received.find((frame) => (frame[0] === 3 || frame[0] === 4) && frame[1] === uniqueId);
        if (!answer) throw new Error(`no answer to ${uniqueId} yet`);
        return answer;
      },
      { timeout: SLOW_MS, interval: 20 },
    );
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close(1000);
    await this.closed;
  }
}
