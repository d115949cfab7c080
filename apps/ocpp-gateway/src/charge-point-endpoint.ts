import { STATUS_CODES, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';
import { Inject, Injectable } from '@nestjs/common';
import { WebSocketServer, type Server } from 'ws';
import { createEvent } from '@voltstream/contracts';
import { verifyPassword } from '@voltstream/domain';
import {
  afterPasswordCheck,
  CredentialCache,
  decideHandshake,
  identityFromUrl,
  refusalMessageId,
  OCPP_SUBPROTOCOL,
  parseProtocolsHeader,
  LoginThrottle,
  tooManyAttempts,
  type HandshakeAccepted,
  type HandshakeContext,
  type HandshakeNeedsPassword,
  type HandshakeRefused,
  type HandshakeTransport,
} from '@voltstream/gateway';
import type { Logger } from '@voltstream/logging';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway-options';
import { GATEWAY_OBSERVER, type GatewayObserver } from './gateway-metrics';
import { NatsLink } from './nats-link';
import { RegistryFollower } from './registry-follower';
import { StationSocket } from './station-session';
import { StationSessions } from './station-sessions';

/** A password check refused before it ran: the identity's or the address's attempts are spent. */
class AttemptsSpent extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`password attempts spent; retry in ${retryAfterMs} ms`);
    this.name = 'AttemptsSpent';
  }
}

const SHUTTING_DOWN: HandshakeRefused = { outcome: 'refuse', status: 503, reason: 'this gateway is shutting down', headers: {} };

/** Answers a refused handshake with its HTTP status and reason, then closes the socket. */
function refuse(socket: Duplex, refusal: HandshakeRefused): void {
  const headers = Object.entries(refusal.headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(refusal.reason)}\r\n${headers.join('')}\r\n${refusal.reason}`,
  );
}

/** `wss://` or not, and the client certificate as TLS verified it against the CA bundle. */
function transportOf(socket: unknown): HandshakeTransport {
  if (!(socket instanceof TLSSocket)) return { secure: false };
  const peer = socket.getPeerCertificate();
  if (!peer || Object.keys(peer).length === 0) return { secure: true };
  const commonName: unknown = peer.subject?.CN;
  return {
    secure: true,
    clientCertificate: {
      commonName: typeof commonName === 'string' ? commonName : undefined,
      verifyError: socket.authorized ? undefined : String(socket.authorizationError ?? 'not verified'),
    },
  };
}

/**
 * `/ocpp/IDENTITY` on the gateway's `ws://` and `wss://` servers: decides each handshake
 * (SPEC §3, §10) and hands accepted WebSockets to the sessions.
 */
@Injectable()
export class ChargePointEndpoint {
  private readonly logger: Logger;
  private readonly credentials = new CredentialCache();
  private readonly throttle = new LoginThrottle(Date.now);
  private readonly wss: Server<typeof StationSocket>;
  private readonly context: HandshakeContext;

  constructor(
    @Inject(GATEWAY_OPTIONS) options: GatewayOptions,
    private readonly sessions: StationSessions,
    private readonly nats: NatsLink,
    @Inject(GATEWAY_OBSERVER) private readonly observer: GatewayObserver,
    registry: RegistryFollower,
  ) {
    this.logger = options.logger.child({ context: ChargePointEndpoint.name });
    this.wss = new WebSocketServer({
      noServer: true,
      WebSocket: StationSocket,
      clientTracking: false,
      maxPayload: options.maxFrameBytes,
      perMessageDeflate: false,
      // The handshake ladder already refused offers without ocpp1.6; none offered gets no header.
      handleProtocols: (protocols) => (protocols.has(OCPP_SUBPROTOCOL) ? OCPP_SUBPROTOCOL : false),
    });
    this.context = {
      registrationOf: (identity) => registry.registration(identity),
      unknownChargePoints: options.config.unknownChargePoints,
    };
  }

  /** Takes the WebSocket handshakes of `server`. */
  serve(server: HttpServer): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.upgrade(request, socket, head).catch((error: unknown) => {
        this.logger.error({ err: error }, 'a handshake could not be handled');
        socket.destroy();
      });
    });
  }

  /** One listener for every handshake, removed once the WebSocket (which has its own) takes the socket. */
  private readonly onHandshakeError = (error: Error): void => this.logger.debug({ err: error }, 'handshake socket error');

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', this.onHandshakeError);
    if (!this.sessions.isAccepting) return this.refuseAndRecord(socket, SHUTTING_DOWN, request.url ?? '');
    const decision = decideHandshake(
      {
        url: request.url ?? '',
        protocolsOffered: parseProtocolsHeader(request.headers['sec-websocket-protocol']),
        authorization: request.headers.authorization,
        transport: transportOf(request.socket),
      },
      this.context,
    );
    const final = decision.outcome === 'verifyPassword' ? await this.afterPassword(decision, request.socket.remoteAddress ?? '') : decision;
    if (final.outcome === 'refuse') return this.refuseAndRecord(socket, final, request.url ?? '');
    const { identity } = final;
    this.wss.handleUpgrade(request, socket, head, (webSocket) => {
      socket.off('error', this.onHandshakeError);
      this.sessions.open(webSocket, identity);
    });
  }

  /** A refusal by the security profile is logged and recorded for the operator; the wallbox only gets its status. */
  private refuseAndRecord(socket: Duplex, refusal: HandshakeRefused, url: string): void {
    refuse(socket, refusal);
    this.observer.handshakeRefused(refusal.status);
    if (!refusal.securityReason) return;
    const identity = identityFromUrl(url);
    if (!identity.ok) return;
    const log = this.logger.child({ identity: identity.identity });
    log.warn({ status: refusal.status, reason: refusal.securityReason }, 'handshake refused');
    const event = createEvent('ConnectionRefused', { status: refusal.status, reason: refusal.securityReason }, identity.identity, new Date());
    this.nats.publisher.publish(event, refusalMessageId(identity.identity, refusal.securityReason, Date.now())).catch((error: unknown) => {
      log.error({ err: error }, 'the refused handshake could not be recorded');
    });
  }

  /**
   * Credentials verified before are answered by the cache; any others are checked (scrypt) only
   * within the identity's and the address's budget of attempts (LoginThrottle), else refused 429.
   */
  private async afterPassword(pending: HandshakeNeedsPassword, address: string): Promise<HandshakeAccepted | HandshakeRefused> {
    const { identity, previousPasswordHash, pendingPasswordHash } = pending;
    const matchesOther = async (passwordHash: string | null) => passwordHash !== null && (await this.passwordMatches(pending, passwordHash, address));
    try {
      const matchesCurrent = await this.passwordMatches(pending, pending.passwordHash, address);
      if (matchesCurrent && previousPasswordHash) this.retirePreviousPassword(identity, previousPasswordHash);
      const matchesOld = !matchesCurrent && (await matchesOther(previousPasswordHash));
      const matchesPending = !matchesCurrent && !matchesOld && (await matchesOther(pendingPasswordHash));
      if (matchesPending) this.notePendingPasswordUsed(identity, pendingPasswordHash as string);
      return afterPasswordCheck(pending, matchesCurrent || matchesOld || matchesPending);
    } catch (error) {
      if (error instanceof AttemptsSpent) return tooManyAttempts(error.retryAfterMs);
      this.logger.warn({ identity, err: error }, 'the stored password hash could not be checked');
      return pending.onMismatch;
    }
  }

  private passwordMatches(pending: HandshakeNeedsPassword, passwordHash: string, address: string): Promise<boolean> {
    // The decoded credentials stand for the header: the cache hashes them with the stored hash.
    const credentials = `${pending.identity}:${pending.password.toString('base64')}`;
    return this.credentials.verify(credentials, passwordHash, () => this.throttledCheck(pending, passwordHash, address));
  }

  /** The wallbox came with its new password: the one before the rotation stops opening the handshake. */
  private retirePreviousPassword(identity: string, previousPasswordHash: string): void {
    const event = createEvent('PreviousPasswordRetired', {}, identity, new Date());
    this.nats.publisher.publish(event, `${identity}:retired:${previousPasswordHash}`).catch((error: unknown) => {
      this.logger.error({ identity, err: error }, 'the retired previous password could not be recorded');
    });
  }

  /** The wallbox came with the password of a rotation before PasswordChanged: the previous one is retired once it is recorded. */
  private notePendingPasswordUsed(identity: string, passwordHash: string): void {
    const event = createEvent('PendingPasswordUsed', { passwordHash }, identity, new Date());
    this.nats.publisher.publish(event, `${identity}:pending-used:${passwordHash}`).catch((error: unknown) => {
      this.logger.error(`${identity}: the use of the pending password could not be recorded: ${String(error)}`);
    });
  }

  /** Rejects with AttemptsSpent, which the credential cache does not keep, when a budget is spent. */
  private async throttledCheck({ identity, password }: HandshakeNeedsPassword, passwordHash: string, address: string): Promise<boolean> {
    const admission = this.throttle.admit(identity, address);
    if (!admission.admitted) throw new AttemptsSpent(admission.retryAfterMs);
    const matches = await verifyPassword(password, passwordHash);
    this.throttle.settle(identity, address, matches);
    return matches;
  }
}
