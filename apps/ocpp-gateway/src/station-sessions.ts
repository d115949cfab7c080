import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Msg, Subscription } from 'nats';
import { ContractError, identityFromToken, parseConnectionClaim, type ConnectionClaim, type WallboxCommandReply } from '@voltstream/contracts';
import { drainPlan, isNewerClaim, nextConnectedAt } from '@voltstream/gateway';
import type { Logger } from '@voltstream/logging';
import { GatewayLease } from './gateway-lease';
import { GATEWAY_OBSERVER, type GatewayObserver } from './gateway-metrics';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway-options';
import { NatsLink } from './nats-link';
import { RegistryFollower } from './registry-follower';
import { StationCalls } from './station-calls';
import { CLOSE_REASONS, StationSession, type SessionServices, type StationSocket } from './station-session';

const OFFLINE = JSON.stringify({ outcome: 'offline' } satisfies WallboxCommandReply);
/** A command that cannot be checked is answered at once rather than left to time out. */
const UNCHECKED = JSON.stringify({ outcome: 'invalid', reason: 'the command could not be checked' } satisfies WallboxCommandReply);

/** How a subscription's callback is guarded: the answer to a request that threw, the fields to log. */
interface GuardOptions {
  failure?: string;
  fields?: (message: Msg) => Record<string, unknown>;
}

/** `vs.cmd.<pod>.<identity>`: the wallbox a command is for. */
function commandIdentity(message: Msg): string {
  return identityFromToken(message.subject.slice(message.subject.lastIndexOf('.') + 1));
}

/**
 * The wallboxes this pod holds, one session per identity. The newest connection of an identity
 * wins on any pod: each accepted connection is announced as a ConnectionClaim, and a pod holding
 * an older connection of that identity closes it.
 */
@Injectable()
export class StationSessions implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  private readonly held = new Map<string, StationSession>();
  private readonly services: SessionServices;
  private lastConnectedAt = 0;
  private callCounter = 0;
  private accepting = true;
  private claims: Subscription | undefined;
  private commands: Subscription | undefined;
  private pinger: NodeJS.Timeout | undefined;

  constructor(
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    private readonly nats: NatsLink,
    private readonly lease: GatewayLease,
    registry: RegistryFollower,
    calls: StationCalls,
    @Inject(GATEWAY_OBSERVER) observer: GatewayObserver,
  ) {
    this.logger = options.logger.child({ context: StationSessions.name });
    this.services = {
      nats,
      calls,
      observer,
      logger: options.logger,
      gatewayId: options.gatewayId,
      callTimeoutMs: options.config.ocppCallTimeout * 1000,
      garbageLimit: options.garbageLimit,
      nextUniqueId: () => (++this.callCounter).toString(36),
      ended: (session) => this.release(session),
    };
    observer.countConnectedWith(() => this.held.size);
    registry.onAdopted((identity) => this.held.get(identity)?.rebootIfPending());
    lease.onLost(() => this.closeAll(1012, CLOSE_REASONS.leaseLost));
  }

  get isAccepting(): boolean {
    return this.accepting;
  }

  get count(): number {
    return this.held.size;
  }

  onApplicationBootstrap(): void {
    this.claims = this.nats.nc.subscribe(this.nats.subjects.allConnectionClaims, {
      callback: this.guarded('connection claims', (message) => this.onClaim(message)),
    });
    this.commands = this.nats.nc.subscribe(this.nats.subjects.commandsOf(this.options.gatewayId), {
      callback: this.guarded('commands', (message) => this.onCommand(message), {
        failure: UNCHECKED,
        fields: (message) => ({ identity: commandIdentity(message) }),
      }),
    });
    this.pinger = setInterval(() => this.pingAll(), this.options.pingIntervalMs);
    this.pinger.unref();
  }

  /** Takes over an accepted WebSocket; an older connection of the identity on this pod is closed. */
  open(socket: StationSocket, identity: string): void {
    this.lastConnectedAt = nextConnectedAt(this.lastConnectedAt, Date.now());
    const claim: ConnectionClaim = { identity, connectionId: randomUUID(), gatewayId: this.options.gatewayId, connectedAt: this.lastConnectedAt };
    const session = new StationSession(socket, claim, this.services);
    const previous = this.held.get(identity);
    this.held.set(identity, session);
    previous?.close(1000, CLOSE_REASONS.replaced);
    session.start();
  }

  /**
   * Stops accepting, closes every socket with 1001 so wallboxes reconnect to another pod, in slices
   * spread over the drain window (GATEWAY_DRAIN_SECONDS) rather than all at once, records the
   * disconnects and gives the lease back. Until its last slice the pod still serves what it holds.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.accepting = false;
    const sessions = await this.drain(this.options.config.gatewayDrainSeconds * 1000);
    clearInterval(this.pinger);
    this.claims?.unsubscribe();
    this.commands?.unsubscribe();
    const recorded = await Promise.all(sessions.map((session) => session.finished));
    await this.lease.release(recorded.every(Boolean));
    const grace = setTimeout(() => sessions.forEach((session) => session.terminate()), this.options.closeGraceMs);
    await Promise.all(sessions.map((session) => session.socketClosed()));
    clearTimeout(grace);
  }

  /**
   * A subscription's callback runs inside nats.js's reading of the socket: whatever one message
   * makes throw is logged here, so that it cannot break the connection or end the process, and a
   * request is answered `failure` when one is given; `fields` adds what the log line needs
   * (e.g. the wallbox's identity), and must not throw.
   */
  private guarded(what: string, handle: (message: Msg) => void, options: GuardOptions = {}): (error: Error | null, message: Msg) => void {
    const { failure, fields } = options;
    return (error, message) => {
      if (error) return this.logger.warn({ err: error }, `${what}: subscription error`);
      try {
        handle(message);
      } catch (thrown) {
        this.logger.error({ ...fields?.(message), subject: message.subject, err: thrown }, `${what}: a message could not be handled`);
        if (failure !== undefined) this.answer(message, failure);
      }
    };
  }

  /** Never throws: with NATS closed meanwhile, the requester times out. */
  private answer(message: Msg, text: string): void {
    try {
      message.respond(text);
    } catch (error) {
      this.logger.warn(`the answer on ${message.subject} could not be sent: ${String(error)}`);
    }
  }

  /** Closes the connections this pod holds slice by slice over the window; @returns their sessions. */
  private async drain(windowMs: number): Promise<StationSession[]> {
    const sessions = [...this.held.values()];
    const began = Date.now();
    for (const slice of drainPlan(sessions, windowMs)) {
      await sleep(Math.max(0, began + slice.atMs - Date.now()));
      for (const session of slice.items) session.close(1001, CLOSE_REASONS.goingAway);
    }
    return sessions;
  }

  /** Closes every connection this pod holds at once. */
  private closeAll(code: number, reason: string): void {
    for (const session of [...this.held.values()]) session.close(code, reason);
  }

  private release(session: StationSession): void {
    if (this.held.get(session.identity) === session) this.held.delete(session.identity);
  }

  /**
   * `vs.cmd.<pod>.<identity>`: the pod's one subscription for all its wallboxes. A command for an
   * identity this pod no longer holds (it raced the session's end, or a newer connection elsewhere
   * was not recorded yet when it was sent) is answered offline.
   */
  private onCommand(message: Msg): void {
    const identity = commandIdentity(message);
    const session = this.held.get(identity);
    if (session) session.command(message);
    else message.respond(OFFLINE);
  }

  private onClaim(message: Msg): void {
    let claim: ConnectionClaim;
    try {
      claim = parseConnectionClaim(message.data);
    } catch (error) {
      if (!(error instanceof ContractError)) throw error;
      this.logger.warn({ err: error }, 'ignored a connection claim');
      return;
    }
    const session = this.held.get(claim.identity);
    if (session && isNewerClaim(claim, session.claim)) session.close(1000, CLOSE_REASONS.replaced);
  }

  private pingAll(): void {
    for (const session of this.held.values()) session.checkAlive();
  }
}
