import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WebSocketServer, type Server } from 'ws';
import { verifyPassword } from '@voltstream/domain';
import {
  afterPasswordCheck,
  CredentialCache,
  decideHandshake,
  OCPP_SUBPROTOCOL,
  parseProtocolsHeader,
  type HandshakeContext,
  type HandshakeNeedsPassword,
  type HandshakeRefused,
} from '@voltstream/gateway';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway-options';
import { RegistryFollower } from './registry-follower';
import { StationSocket } from './station-session';
import { StationSessions } from './station-sessions';

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

/**
 * `ws://HOST:GATEWAY_PORT/ocpp/IDENTITY` on the Nest HTTP(S) server: decides each handshake
 * (SPEC §3) and hands accepted WebSockets to the sessions.
 */
@Injectable()
export class ChargePointEndpoint implements OnApplicationBootstrap {
  private readonly logger = new Logger(ChargePointEndpoint.name);
  private readonly credentials = new CredentialCache();
  private readonly wss: Server<typeof StationSocket>;
  private readonly context: HandshakeContext;

  constructor(
    @Inject(GATEWAY_OPTIONS) options: GatewayOptions,
    private readonly adapterHost: HttpAdapterHost,
    private readonly sessions: StationSessions,
    registry: RegistryFollower,
  ) {
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

  onApplicationBootstrap(): void {
    this.adapterHost.httpAdapter.getHttpServer().on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      void this.upgrade(request, socket, head);
    });
  }

  /** One listener for every handshake, removed once the WebSocket (which has its own) takes the socket. */
  private readonly onHandshakeError = (error: Error): void => this.logger.debug(`handshake socket error: ${error.message}`);

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', this.onHandshakeError);
    if (!this.sessions.isAccepting) return refuse(socket, SHUTTING_DOWN);
    const decision = decideHandshake(
      {
        url: request.url ?? '',
        protocolsOffered: parseProtocolsHeader(request.headers['sec-websocket-protocol']),
        authorization: request.headers.authorization,
      },
      this.context,
    );
    const final = decision.outcome === 'verifyPassword' ? afterPasswordCheck(decision, await this.passwordMatches(decision)) : decision;
    if (final.outcome === 'refuse') return refuse(socket, final);
    const { identity } = final;
    this.wss.handleUpgrade(request, socket, head, (webSocket) => {
      socket.off('error', this.onHandshakeError);
      this.sessions.open(webSocket, identity);
    });
  }

  private async passwordMatches(pending: HandshakeNeedsPassword): Promise<boolean> {
    // The decoded credentials stand for the header: the cache hashes them with the stored hash.
    const credentials = `${pending.identity}:${pending.password}`;
    try {
      return await this.credentials.verify(credentials, pending.passwordHash, () => verifyPassword(pending.password, pending.passwordHash));
    } catch (error) {
      this.logger.warn(`${pending.identity}: the stored password hash could not be checked: ${String(error)}`);
      return false;
    }
  }
}
