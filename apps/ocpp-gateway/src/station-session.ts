import type { Msg } from 'nats';
import WebSocket, { type RawData } from 'ws';
import { createEvent, type ConnectionClaim, type RegistrationStatus, type WallboxCommandReply } from '@voltstream/contracts';
import {
  checkWallboxCommand,
  certificateAnswerEvent,
  commandAnswerEvent,
  commandReplyFor,
  connectionMessageId,
  GarbageMeter,
  numberOfConnectorsIn,
  OutboundCallQueue,
  type CallOutcome,
  type CallReply,
  type CertificateAnswerEvent,
  type CommandAnswerEvent,
  type Timers,
} from '@voltstream/gateway';
import { CORRELATION_ID_HEADER } from '@voltstream/nats';
import type { Logger } from '@voltstream/logging';
import { CALL, CALL_RESULT, OcppError, parseFrame, serializeCall, serializeCallError, type CallFrame, type ParsedFrame } from '@voltstream/ocpp';
import type { SessionObserver } from './gateway-metrics';
import type { NatsLink } from './nats-link';
import type { CallingStation, StationCalls } from './station-calls';

/** What every session of a pod shares. */
export interface SessionServices {
  nats: NatsLink;
  calls: StationCalls;
  observer: SessionObserver;
  /** The pod's logger; a session logs through a child of it that carries the wallbox's `identity`. */
  logger: Logger;
  gatewayId: string;
  callTimeoutMs: number;
  garbageLimit: number;
  nextUniqueId(): string;
  /** The session ended: forget it, it no longer holds its identity. */
  ended(session: StationSession): void;
}

export const CLOSE_REASONS = {
  replaced: 'replaced by a newer connection',
  goingAway: 'going away',
  garbage: 'too many malformed frames',
  noPong: 'no answer to ping',
  notRecorded: 'connection could not be recorded',
  internalError: 'internal error',
  leaseLost: 'this gateway lost its lease',
};

const NODE_TIMERS: Timers<NodeJS.Timeout> = { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle) };
const TRIGGER_BOOT = { requestedMessage: 'BootNotification' };
const SETTLED: Promise<void> = Promise.resolve();

function closeReason(code: number, reason: Buffer): string {
  const text = reason.toString();
  return `closed by the charge point (${code}${text ? ` ${text}` : ''})`;
}

/** The WebSocket class of the gateway's server (ws `WebSocket` option): it carries its session. */
export class StationSocket extends WebSocket {
  session: StationSession | undefined = undefined;

  /**
   * ws reports a frame, a pong, an error and the close by emitting them: a socket with a session
   * hands them to it directly, so that no socket needs listeners, closures or a dictionary of
   * events of its own (a pod holds tens of thousands). Other events, and the close after the
   * session had it, go the usual way.
   */
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    const session = this.session;
    if (!session) return super.emit(event, ...args);
    switch (event) {
      case 'message':
        session.onMessage(args[0] as RawData, args[1] as boolean);
        return true;
      case 'pong':
        session.onPong();
        return true;
      case 'error':
        session.onError(args[0] as Error);
        return true;
      case 'close':
        session.onClose(args[0] as number, args[1] as Buffer);
        return super.emit(event, ...args);
      default:
        return super.emit(event, ...args);
    }
  }
}

/**
 * One wallbox connection: reads its frames, answers its CALLs in order, sends it the central
 * system's calls one at a time, and records that it connected and disconnected. A pod holds tens
 * of thousands, so a session keeps little: helpers that few connections need are made on first use.
 */
export class StationSession implements CallingStation {
  readonly identity: string;
  readonly connectionId: string;
  /** Epoch milliseconds of the handshake. */
  readonly connectedAt: number;
  // Every field is set in the constructor, so that V8 keeps them all inside the object.
  registrationStatus: RegistrationStatus | undefined = undefined;
  /** Learnt from the wallbox's answer to a GetConfiguration listing it (see value-limits). */
  numberOfConnectors: number | undefined = undefined;
  /** Resolves once the disconnect is recorded (true) or could not be (false). */
  finished: Promise<boolean> | undefined = undefined;
  private alive = true;
  private tail: Promise<void> = SETTLED;
  /** Made by the first malformed frame, dropped by the next well-formed one. */
  private garbage: GarbageMeter | undefined = undefined;
  /** Made by the first call to the wallbox. */
  private outbound: OutboundCallQueue<NodeJS.Timeout> | undefined = undefined;
  /** Made on the first line about this wallbox: most connections never need one. */
  private logger: Logger | undefined = undefined;

  constructor(
    private readonly socket: StationSocket,
    claim: ConnectionClaim,
    private readonly services: SessionServices,
  ) {
    this.identity = claim.identity;
    this.connectionId = claim.connectionId;
    this.connectedAt = claim.connectedAt;
  }

  /** Lines about this wallbox: each carries its `identity`. */
  get log(): Logger {
    this.logger ??= this.services.logger.child({ identity: this.identity });
    return this.logger;
  }

  get claim(): ConnectionClaim {
    return { identity: this.identity, connectionId: this.connectionId, gatewayId: this.services.gatewayId, connectedAt: this.connectedAt };
  }

  start(): void {
    this.socket.session = this;
    this.tail = this.recordConnected();
  }

  /** Resolves once the socket is closed. */
  socketClosed(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return SETTLED;
    return new Promise((resolve) => this.socket.once('close', () => resolve()));
  }

  /** Closes the socket (sending `code`) and records why. */
  close(code: number, reason: string): void {
    this.end(reason);
    this.socket.close(code, reason);
  }

  terminate(): void {
    this.socket.terminate();
  }

  /** Called by the shared ping timer: drops a socket that did not answer the previous ping. */
  checkAlive(): void {
    if (!this.alive) {
      this.end(CLOSE_REASONS.noPong);
      this.socket.terminate();
      return;
    }
    this.alive = false;
    this.socket.ping();
  }

  /** A discovered wallbox answered Pending was adopted: ask it to boot again (SPEC §3). */
  rebootIfPending(): void {
    if (this.registrationStatus !== 'Pending') return;
    this.outboundCalls().enqueue('TriggerMessage', TRIGGER_BOOT, (outcome) => {
      if (outcome.kind !== 'result') this.log.warn({ action: 'TriggerMessage', outcome: outcome.kind }, 'TriggerMessage BootNotification not answered');
    });
  }

  /** A command (`WallboxCommand`) to this wallbox, an operator's or the system's own (auto-start, local list, certificates). */
  command(message: Msg): void {
    const check = checkWallboxCommand(message.data);
    if (!check.ok) return void message.respond(JSON.stringify(check.reply));
    const { action, payload } = check;
    const correlationId = message.headers?.get(CORRELATION_ID_HEADER) || undefined;
    this.outboundCalls().enqueue(action, payload, (outcome: CallOutcome, uniqueId?: string) => {
      const status = outcome.kind === 'result' ? outcome.payload.status : undefined;
      this.log.info({ correlationId, uniqueId, action, outcome: outcome.kind, status }, 'command answered');
      this.replyToCommand(message, action, payload, outcome);
    });
  }

  /** Runs from a frame, a timer or the close: nothing it throws (NATS closed meanwhile) may escape. */
  private replyToCommand(message: Msg, action: string, request: Record<string, unknown>, outcome: CallOutcome): void {
    try {
      const reply = commandReplyFor(action, outcome);
      this.services.observer.commandAnswered(action, reply.outcome);
      if (action === 'GetConfiguration' && reply.outcome === 'result') {
        this.numberOfConnectors = numberOfConnectorsIn(reply.payload) ?? this.numberOfConnectors;
      }
      const at = new Date();
      const event = commandAnswerEvent(this.identity, action, request, reply, at) ?? certificateAnswerEvent(this.identity, action, request, reply, at);
      // Recorded in line with the wallbox's calls: before the StartTransaction that follows a remote start.
      if (event) this.tail = this.tail.then(async () => this.recordAnswer(message, action, await event, reply));
      else message.respond(JSON.stringify(reply));
    } catch (error) {
      this.log.error({ action, err: error }, 'the reply to an operator command could not be sent');
    }
  }

  /** The operator hears the answer once what it teaches is stored; never rejects (see `tail`). */
  private async recordAnswer(message: Msg, action: string, event: CommandAnswerEvent | CertificateAnswerEvent, reply: WallboxCommandReply): Promise<void> {
    let answer: WallboxCommandReply = reply;
    try {
      await this.services.nats.publisher.publish(event);
    } catch (error) {
      this.log.warn({ action, event: event.type, err: error }, 'the answer to an operator command could not be recorded');
      const description = `the charge point answered ${action}, but the CSMS could not record it; send it again`;
      answer = { outcome: 'callError', code: 'InternalError', description, details: {} };
    }
    try {
      message.respond(JSON.stringify(answer));
    } catch (error) {
      this.log.error({ action, err: error }, 'the reply to an operator command could not be sent');
    }
  }

  /** Called by the socket (see StationSocket.emit). */
  onPong(): void {
    this.alive = true;
  }

  /** Called by the socket (see StationSocket.emit). */
  onError(error: Error): void {
    this.log.debug({ err: error }, 'socket error');
  }

  /** Called by the socket (see StationSocket.emit). */
  onClose(code: number, reason: Buffer): void {
    this.end(closeReason(code, reason));
  }

  private outboundCalls(): OutboundCallQueue<NodeJS.Timeout> {
    if (this.outbound) return this.outbound;
    this.outbound = new OutboundCallQueue({
      send: (uniqueId, action, payload) => this.send(serializeCall(uniqueId, action, payload)),
      nextUniqueId: this.services.nextUniqueId,
      timeoutMs: this.services.callTimeoutMs,
      timers: NODE_TIMERS,
    });
    // A command that raced the disconnect is answered offline by the closed queue.
    if (this.finished) this.outbound.close();
    return this.outbound;
  }

  /**
   * Called by the socket (see StationSocket.emit). Whatever a frame makes throw stays with this
   * wallbox: at worst it costs its connection, never the pod (an error escaping to ws would end the
   * process).
   */
  onMessage(data: RawData, isBinary: boolean): void {
    try {
      this.onFrame(data, isBinary);
    } catch (error) {
      this.log.error({ err: error }, 'a frame could not be handled');
      this.close(1011, CLOSE_REASONS.internalError);
    }
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    this.alive = true;
    // OCPP-J uses text frames only: a binary frame is garbage like unparsable text.
    if (isBinary) return this.onGarbage();
    const text = (data as Buffer).toString();
    const parsed = parseFrame(text);
    if (!parsed.ok) return this.onMalformed(parsed);
    this.garbage = undefined;
    const frame = parsed.frame;
    if (frame.messageType === CALL) {
      this.tail = this.tail.then(() => this.answer(frame, text));
      return;
    }
    const reply: CallReply =
      frame.messageType === CALL_RESULT
        ? { kind: 'result', payload: frame.payload }
        : { kind: 'callError', code: frame.code, description: frame.description, details: frame.details };
    if (!this.outbound?.settleReply(frame.uniqueId, reply)) {
      this.log.info({ uniqueId: frame.uniqueId }, 'ignored a reply to no pending call');
    }
  }

  private onMalformed(parsed: Extract<ParsedFrame, { ok: false }>): void {
    const { error, uniqueId, replyTo } = parsed;
    if (replyTo !== undefined) {
      this.outbound?.settleReply(replyTo, { kind: 'callError', code: error.code, description: `malformed reply: ${error.description}`, details: {} });
    }
    if (uniqueId !== null) {
      const answer = serializeCallError(uniqueId, error);
      this.services.observer.malformedAnswered(error.code);
      this.tail = this.tail.then(() => void this.send(answer));
    }
    this.onGarbage();
  }

  private onGarbage(): void {
    this.garbage ??= new GarbageMeter(this.services.garbageLimit);
    if (this.garbage.recordGarbage()) this.close(1002, CLOSE_REASONS.garbage);
  }

  /** Never rejects: the calls after this one wait on it (see `tail`). */
  private async answer(call: CallFrame, text: string): Promise<void> {
    const mark = this.services.observer.callReceived();
    let answer: string;
    try {
      answer = await this.services.calls.answer(this, call, text);
    } catch (error) {
      this.log.error({ uniqueId: call.uniqueId, action: call.action, err: error }, 'a call could not be handled');
      answer = serializeCallError(call.uniqueId, new OcppError('InternalError', `${call.action} could not be handled; please send it again`));
    }
    this.services.observer.callAnswered(call.action, mark, answer);
    this.send(answer);
  }

  private send(text: string): boolean {
    if (this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(text);
    return true;
  }

  /** Never rejects: the calls of the connection wait on it (see `tail`). */
  private async recordConnected(): Promise<void> {
    const { nats, gatewayId } = this.services;
    const { connectionId } = this;
    try {
      const event = createEvent('ChargePointConnected', { connectionId, gatewayId }, this.identity, new Date(this.connectedAt));
      await nats.publisher.publish(event, connectionMessageId(this.identity, connectionId, 'connected'));
      if (!this.finished) nats.nc.publish(nats.subjects.connectionClaimed(this.identity), JSON.stringify(this.claim));
    } catch (error) {
      this.log.warn({ err: error }, CLOSE_REASONS.notRecorded);
      this.close(1011, CLOSE_REASONS.notRecorded);
    }
  }

  /** Idempotent: the first reason wins. Recorded after every call received before it. */
  private end(reason: string): void {
    if (this.finished) return;
    this.outbound?.close();
    this.services.ended(this);
    this.finished = this.tail.then(() => this.recordDisconnected(reason));
  }

  private async recordDisconnected(reason: string): Promise<boolean> {
    const { nats, gatewayId } = this.services;
    const { connectionId } = this;
    const event = createEvent('ChargePointDisconnected', { connectionId, gatewayId, reason }, this.identity, new Date());
    try {
      await nats.publisher.publish(event, connectionMessageId(this.identity, connectionId, 'disconnected'));
      return true;
    } catch (error) {
      this.log.warn({ reason, err: error }, 'the disconnect could not be recorded');
      return false;
    }
  }
}
