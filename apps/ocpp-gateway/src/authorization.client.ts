import { Inject, Injectable } from '@nestjs/common';
import { JSONCodec } from 'nats';
import type { AuthorizationQuestion, StationDecisions } from '@voltstream/gateway';
import { Replies } from '@voltstream/nats';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway-options';
import { NatsLink } from './nats-link';

export type AuthorizationDecision = StationDecisions[keyof StationDecisions];

/** The packets of the NestJS NATS transport, which the authorization service speaks. */
interface RequestPacket {
  pattern: string;
  data: unknown;
  id: string;
}

interface ReplyPacket {
  response?: AuthorizationDecision;
  /** What the service's exception filter sent: `{ status: 'error', message }` from NestJS. */
  err?: unknown;
}

/** The authorization service answered with an error, or could not be asked. */
export class AuthorizationFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthorizationFailedError';
  }
}

const codec = JSONCodec<RequestPacket | ReplyPacket>();

function describeServiceError(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'message' in err) return String(err.message);
  return JSON.stringify(err);
}

/**
 * Asks the authorization service (a NestJS microservice on `subjects.rpc.*`) for its decisions:
 * one NATS request each, on the gateway's own connection, in the NestJS packet format. NestJS's
 * ClientNats would subscribe and unsubscribe an inbox of its own for every call and wrap it in
 * RxJS, which costs more than the service's answer itself; {@link Replies} is lighter still than
 * a nats.js request.
 */
@Injectable()
export class AuthorizationClient {
  private readonly timeoutMs: number;
  private readonly replies: Replies;
  private lastId = 0;

  constructor(
    @Inject(GATEWAY_OPTIONS) options: GatewayOptions,
    private readonly nats: NatsLink,
  ) {
    this.timeoutMs = options.authorizationTimeoutMs;
    this.replies = new Replies(nats.nc);
  }

  /** Rejects when the service does not answer within the timeout or answers with an error. */
  async ask(question: AuthorizationQuestion): Promise<AuthorizationDecision> {
    const pattern = this.nats.subjects.rpc[question.rpc];
    const packet: RequestPacket = { pattern, data: question.request, id: (++this.lastId).toString(36) };
    let reply: ReplyPacket;
    try {
      const message = await this.replies.ask(pattern, codec.encode(packet), this.timeoutMs);
      reply = codec.decode(message.data) as ReplyPacket;
    } catch (error) {
      throw new AuthorizationFailedError(`${pattern}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (reply.err !== undefined && reply.err !== null) throw new AuthorizationFailedError(`${pattern}: ${describeServiceError(reply.err)}`);
    if (reply.response === undefined) throw new AuthorizationFailedError(`${pattern}: the service answered without a decision`);
    return reply.response;
  }
}
