import { once } from 'node:events';
import WebSocket from 'ws';
import { CALL, CALL_RESULT, encodeCallError, encodeCallResult, OcppError, parseFrame, type Frame, type Payload } from './framing';
import { OutboundCalls } from './outbound-calls';
import { endpointOf, openSocket, type ClientTls } from './socket';

export interface CsmsCall {
  action: string;
  payload: Payload;
}

/** The CALLRESULT payload of a call of the central system, and what to do once it is sent. */
export interface CsmsCallAnswer {
  /** A promise where the answer takes work (a certificate checked): sent once it settles, a rejection as InternalError. */
  reply: object | Promise<object>;
  afterwards?: () => Promise<unknown>;
}

export interface CloseInfo {
  code: number;
  reason: string;
}

export interface ConnectionOptions {
  url: string;
  identity: string;
  password?: string;
  protocols?: string[];
  localAddress?: string;
  tls?: ClientTls;
  callTimeoutMs: number;
  autoReconnect: boolean;
  reconnectDelayMs: number;
}

/** What the wallbox on top of the connection decides. */
export interface ConnectionHandlers {
  /** Answers a call of the central system; throws OcppError for a CALLERROR. */
  answer(call: CsmsCall): CsmsCallAnswer;
  closed(info: CloseInfo): void;
  /** After an automatic reconnect. */
  reconnected(): Promise<unknown>;
  /** A failure the connection carries on after: a bad frame, a failed background task. */
  warning(error: Error): void;
}

const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * An OCPP-J client connection: the WebSocket, frames in and out, the calls in flight, and the
 * reconnects after a connection the central system dropped. It knows nothing of wallboxes.
 */
export class OcppConnection {
  private readonly calls: OutboundCalls;
  private socket: WebSocket | undefined;
  private connecting = false;
  private closingLocally = false;
  private reconnectDueAt: number | undefined;
  private reconnectAttempts = 0;
  private password: string | Buffer | undefined;
  private url: string;
  private tls: ClientTls | undefined;

  constructor(
    private readonly options: ConnectionOptions,
    private readonly handlers: ConnectionHandlers,
  ) {
    this.calls = new OutboundCalls(this.send, options.callTimeoutMs);
    this.password = options.password;
    this.url = options.url;
    this.tls = options.tls;
  }

  /** The base URL of the next handshakes (after ChangeConfiguration SecurityProfile). */
  useEndpoint(url: string): void {
    this.url = url;
  }

  /** The TLS of the next handshakes (a client certificate installed with CertificateSigned). */
  useTls(tls: ClientTls | undefined): void {
    this.tls = tls;
  }

  /** The HTTP Basic password of the next handshakes (after ChangeConfiguration AuthorizationKey). */
  usePassword(password: string | Buffer): void {
    this.password = password;
  }

  get online(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  get callsSent(): number {
    return this.calls.sentCount;
  }

  async open(): Promise<void> {
    if (this.socket || this.connecting) throw new Error(`${this.options.identity} is already connected`);
    this.connecting = true;
    this.closingLocally = false;
    let socket: WebSocket;
    try {
      socket = await openSocket(endpointOf(this.url, this.options.identity), {
        protocols: this.options.protocols ?? ['ocpp1.6'],
        basicAuth: this.password === undefined ? undefined : { identity: this.options.identity, password: this.password },
        localAddress: this.options.localAddress,
        tls: this.tls,
        handshakeTimeoutMs: this.options.callTimeoutMs,
        onOpen: this.adopt,
      });
    } finally {
      this.connecting = false;
    }
    if (this.closingLocally) {
      socket.terminate();
      throw new Error(`${this.options.identity} was closed while connecting`);
    }
  }

  /** Listens on a socket as it opens, so that a CALL sent with the handshake answer is answered. */
  private readonly adopt = (socket: WebSocket): void => {
    if (this.closingLocally) return;
    this.socket = socket.on('message', this.onMessage).on('close', this.onClose).on('error', this.handlers.warning);
  };

  /** Closes from this side, which never reconnects; resolves once closed. */
  async close(code: number): Promise<void> {
    this.closingLocally = true;
    this.reconnectDueAt = undefined;
    const socket = this.socket;
    if (!socket) return;
    const closed = once(socket, 'close');
    socket.close(code);
    await closed;
  }

  /** Writes a frame; false when there is no open connection. */
  readonly send = (text: string): boolean => {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(text);
    return true;
  };

  call(action: string, payload: object): Promise<Payload> {
    return this.calls.call(action, payload);
  }

  /** Whether a call of this action is waiting or in flight. */
  calling(action: string): boolean {
    return this.calls.has(action);
  }

  tick(now: number): void {
    this.calls.expireOverdue(now);
    if (this.reconnectDueAt === undefined || now < this.reconnectDueAt) return;
    this.reconnectDueAt = undefined;
    this.reconnect().then(undefined, this.handlers.warning);
  }

  private async reconnect(): Promise<void> {
    try {
      await this.open();
    } catch (error) {
      if (!this.closingLocally) this.scheduleReconnect();
      throw error;
    }
    this.reconnectAttempts = 0;
    await this.handlers.reconnected();
  }

  private scheduleReconnect(): void {
    const delay = Math.min(this.options.reconnectDelayMs * 2 ** this.reconnectAttempts, MAX_RECONNECT_DELAY_MS);
    this.reconnectAttempts++;
    this.reconnectDueAt = Date.now() + delay;
  }

  private readonly onMessage = (data: WebSocket.RawData, isBinary: boolean): void => {
    let frame: Frame;
    try {
      if (isBinary) throw new OcppError('FormationViolation', 'OCPP-J frames are text');
      frame = parseFrame(data.toString());
    } catch (error) {
      this.refuseFrame(error as OcppError);
      return;
    }
    if (frame.type === CALL) this.answer(frame.uniqueId, { action: frame.action, payload: frame.payload });
    else if (frame.type === CALL_RESULT) this.calls.settleWithResult(frame.uniqueId, frame.payload);
    else this.calls.settleWithError(frame.uniqueId, frame.errorCode, frame.errorDescription, frame.errorDetails);
  };

  private answer(uniqueId: string, call: CsmsCall): void {
    let answer: CsmsCallAnswer;
    try {
      answer = this.handlers.answer(call);
    } catch (error) {
      const refusal = error instanceof OcppError ? error : new OcppError('InternalError', String(error));
      this.send(encodeCallError(uniqueId, refusal.code, refusal.message));
      return;
    }
    if (answer.reply instanceof Promise) {
      answer.reply.then(
        (reply) => this.sendResult(uniqueId, reply, answer.afterwards),
        (error: unknown) => this.send(encodeCallError(uniqueId, 'InternalError', String(error))),
      );
      return;
    }
    this.sendResult(uniqueId, answer.reply, answer.afterwards);
  }

  private sendResult(uniqueId: string, reply: object, afterwards: CsmsCallAnswer['afterwards']): void {
    this.send(encodeCallResult(uniqueId, reply));
    afterwards?.().then(undefined, this.handlers.warning);
  }

  private refuseFrame(error: OcppError): void {
    if (error.uniqueId !== undefined) this.send(encodeCallError(error.uniqueId, error.code, error.message));
    this.handlers.warning(error);
  }

  private readonly onClose = (code: number, reason: Buffer): void => {
    this.socket = undefined;
    this.calls.failAll('offline', `connection closed (${code})`);
    if (this.options.autoReconnect && !this.closingLocally) this.scheduleReconnect();
    this.handlers.closed({ code, reason: reason.toString() });
  };
}
