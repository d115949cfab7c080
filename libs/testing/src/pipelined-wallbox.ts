import WebSocket from 'ws';

export type Frame = unknown[];

/**
 * A wallbox that sends many CALLs at once, as raw text, and collects each answer by its unique
 * id: for thousands of frames, where TestWallbox's search of everything received would not do.
 */
export class PipelinedWallbox {
  private readonly answers = new Map<string, Frame>();
  private readonly waiters = new Map<string, (frame: Frame) => void>();
  private closedWith: string | undefined;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      const uniqueId = String(frame[1]);
      const waiter = this.waiters.get(uniqueId);
      if (waiter) waiter(frame);
      else this.answers.set(uniqueId, frame);
    });
    socket.once('close', (code, reason) => {
      this.closedWith = `closed ${code} ${reason.toString()}`;
      for (const waiter of this.waiters.values()) waiter(['closed', this.closedWith]);
    });
  }

  static open(url: string, identity: string): Promise<PipelinedWallbox> {
    const socket = new WebSocket(`${url}/ocpp/${encodeURIComponent(identity)}`, ['ocpp1.6']);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new PipelinedWallbox(socket)));
      socket.once('error', reject);
    });
  }

  /**
   * Sends every CALL text without waiting, then resolves with the answer to each unique id, in
   * order; `['closed', why]` for those the socket closed before answering.
   */
  async callAll(calls: readonly { uniqueId: string; text: string }[], timeoutMs = 20_000): Promise<Frame[]> {
    const answered = calls.map(({ uniqueId }) => this.answerTo(uniqueId, timeoutMs));
    for (const { text } of calls) this.socket.send(text);
    return Promise.all(answered);
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }

  private answerTo(uniqueId: string, timeoutMs: number): Promise<Frame> {
    const known = this.answers.get(uniqueId);
    if (known) return Promise.resolve(known);
    if (this.closedWith) return Promise.resolve(['closed', this.closedWith]);
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(['no answer', `within ${timeoutMs} ms`]), timeoutMs);
      const settle = (frame: Frame) => {
        clearTimeout(timer);
        this.waiters.delete(uniqueId);
        resolve(frame);
      };
      this.waiters.set(uniqueId, settle);
    });
  }
}
