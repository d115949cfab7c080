import type { Logger } from '@nestjs/common';
import type { Msg, Subscription } from 'nats';
import WebSocket, { type RawData } from 'ws';
import { createEvent, type ConnectionClaim, type RegistrationStatus, type WallboxCommandReply } from '@voltstream/contracts';
import {
  checkWallboxCommand,
  commandReplyFor,
  connectionMessageId,
  GarbageMeter,
  OutboundCallQueue,
  type CallOutcome,
  type Timers,
} from '@voltstream/gateway';
import { CALL, CALL_RESULT, parseFrame, serializeCall, serializeCallError, type CallFrame, type ParsedFrame } from '@voltstream/ocpp';
import type { NatsLink } from './nats-link';
import type { CallingStation, StationCalls } from './station-calls';

/** What every session of a pod shares. */
export interface SessionServices {
  nats: NatsLink;
  calls: StationCalls;
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
};

const NODE_TIMERS: Timers<NodeJS.Timeout> = { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle) };
const TRIGGER_BOOT = { requestedMessage: 'BootNotification' };

function closeReason(code: number, reason: Buffer): string {
  const text = reason.toString();
  return `closed by the charge point (${code}${text ? ` ${text}` : ''})`;
}

/**
 * One wallbox connection: reads its frames, answers its CALLs in order, sends it the central
 * system's calls one at a time, and records that it connected and disconnected.
 */
export class StationSession implements CallingStation {
  readonly identity: string;
  registrationStatus: RegistrationStatus | undefined;
  /** Resolves once the socket is closed. */
  readonly socketClosed: Promise<void>;
  /** Resolves once the disconnect is recorded (or could not be). */
  finished: Promise<void> | undefined;
  private alive = true;
  private tail: Promise<void> = Promise.resolve();
  private readonly garbage: GarbageMeter;
  private readonly outbound: OutboundCallQueue<NodeJS.Timeout>;
  private commandSubscription: Subscription | undefined;

  constructor(
    private readonly socket: WebSocket,
    readonly claim: ConnectionClaim,
    private readonly services: SessionServices,
  ) {
    this.identity = claim.identity;
    this.garbage = new GarbageMeter(services.garbageLimit);
    this.outbound = new OutboundCallQueue({
      send: (uniqueId, action, payload) => this.send(serializeCall(uniqueId, action, payload)),
      nextUniqueId: services.nextUniqueId,
      timeoutMs: services.callTimeoutMs,
      timers: NODE_TIMERS,
    });
    this.socketClosed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  start(): void {
    this.socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    this.socket.on('pong', () => (this.alive = true));
    this.socket.on('error', (error) => this.services.logger.debug(`${this.identity}: socket error: ${error.message}`));
    this.socket.on('close', (code, reason) => this.end(closeReason(code, reason)));
    this.subscribeCommands();
    this.tail = this.recordConnected();
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
    this.outbound.enqueue('TriggerMessage', TRIGGER_BOOT, (outcome) => {
      if (outcome.kind !== 'result') this.services.logger.warn(`${this.identity}: TriggerMessage BootNotification: ${outcome.kind}`);
    });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    this.alive = true;
    // OCPP-J uses text frames only: a binary frame is garbage like unparsable text.
    if (isBinary) return this.onGarbage();
    const text = (data as Buffer).toString();
    const parsed = parseFrame(text);
    if (!parsed.ok) return this.onMalformed(parsed);
    this.garbage.recordWellFormed();
    const frame = parsed.frame;
    if (frame.messageType === CALL) {
      this.tail = this.tail.then(() => this.answer(frame, text));
      return;
    }
    const settled =
      frame.messageType === CALL_RESULT
        ? this.outbound.settleReply(frame.uniqueId, { kind: 'result', payload: frame.payload })
        : this.outbound.settleReply(frame.uniqueId, { kind: 'callError', code: frame.code, description: frame.description, details: frame.details });
    if (!settled) this.services.logger.log(`${this.identity}: ignored a reply to no pending call (${frame.uniqueId})`);
  }

  private onMalformed(parsed: Extract<ParsedFrame, { ok: false }>): void {
    const { error, uniqueId, replyTo } = parsed;
    if (replyTo !== undefined) {
      this.outbound.settleReply(replyTo, { kind: 'callError', code: error.code, description: `malformed reply: ${error.description}`, details: {} });
    }
    if (uniqueId !== null) {
      const answer = serializeCallError(uniqueId, error);
      this.tail = this.tail.then(() => void this.send(answer));
    }
    this.onGarbage();
  }

  private onGarbage(): void {
    if (this.garbage.recordGarbage()) this.close(1002, CLOSE_REASONS.garbage);
  }

  private async answer(call: CallFrame, text: string): Promise<void> {
    this.send(await this.services.calls.answer(this, call, text));
  }

  private send(text: string): boolean {
    if (this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(text);
    return true;
  }

  private async recordConnected(): Promise<void> {
    const { nats, gatewayId } = this.services;
    const { connectionId } = this.claim;
    try {
      const event = createEvent('ChargePointConnected', { connectionId, gatewayId }, this.identity, new Date(this.claim.connectedAt));
      await nats.publisher.publish(event, connectionMessageId(this.identity, connectionId, 'connected'));
    } catch (error) {
      this.services.logger.warn(`${this.identity}: ${CLOSE_REASONS.notRecorded}: ${String(error)}`);
      this.close(1011, CLOSE_REASONS.notRecorded);
      return;
    }
    if (this.finished) return;
    nats.nc.publish(nats.subjects.connectionClaimed(this.identity), JSON.stringify(this.claim));
  }

  /**
   * Subscribed at once, before the connection is recorded: while another pod hands the identity
   * over, commands may briefly reach both connections rather than none.
   */
  private subscribeCommands(): void {
    const { nats, logger } = this.services;
    this.commandSubscription = nats.nc.subscribe(nats.subjects.command(this.identity), {
      callback: (error, message) => (error ? logger.warn(`${this.identity}: ${error.message}`) : this.onCommand(message)),
    });
  }

  private onCommand(message: Msg): void {
    let body: unknown;
    try {
      body = message.json();
    } catch {
      return void message.respond(JSON.stringify({ outcome: 'invalid', reason: 'a command must be JSON' } satisfies WallboxCommandReply));
    }
    const check = checkWallboxCommand(body);
    if (!check.ok) return void message.respond(JSON.stringify(check.reply));
    this.outbound.enqueue(check.action, check.payload, (outcome: CallOutcome) =>
      message.respond(JSON.stringify(commandReplyFor(check.action, outcome))),
    );
  }

  /** Idempotent: the first reason wins. Recorded after every call received before it. */
  private end(reason: string): void {
    if (this.finished) return;
    this.commandSubscription?.unsubscribe();
    this.outbound.close();
    this.services.ended(this);
    this.finished = this.tail.then(() => this.recordDisconnected(reason));
  }

  private async recordDisconnected(reason: string): Promise<void> {
    const { nats, gatewayId, logger } = this.services;
    const { connectionId } = this.claim;
    const event = createEvent('ChargePointDisconnected', { connectionId, gatewayId, reason }, this.identity, new Date());
    try {
      await nats.publisher.publish(event, connectionMessageId(this.identity, connectionId, 'disconnected'));
    } catch (error) {
      logger.warn(`${this.identity}: disconnect (${reason}) could not be recorded: ${String(error)}`);
    }
  }
}
