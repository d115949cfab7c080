import { Inject, Injectable } from '@nestjs/common';
import { parseRpcReply } from '@voltstream/contracts';
import type { AuthorizationQuestion, StationDecisions } from '@voltstream/gateway';
import { Replies } from '@voltstream/nats';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway-options';
import { NatsLink } from './nats-link';

export type AuthorizationDecision = StationDecisions[keyof StationDecisions];

/** The authorization service answered with an error or out of contract, or could not be asked. */
export class AuthorizationFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthorizationFailedError';
  }
}

const encoder = new TextEncoder();

/**
 * Asks the authorization service (a NestJS microservice on `subjects.rpc.*`) for its decisions:
 * one NATS request each, on the gateway's own connection, in Voltstream's RPC envelope
 * (libs/contracts rpc.ts); each reply is parsed against its contract. NestJS's ClientNats would
 * subscribe and unsubscribe an inbox of its own for every call and wrap it in RxJS, which costs
 * more than the service's answer itself; {@link Replies} is lighter still than a nats.js request.
 */
@Injectable()
export class AuthorizationClient {
  private readonly timeoutMs: number;
  private readonly replies: Replies;

  constructor(
    @Inject(GATEWAY_OPTIONS) options: GatewayOptions,
    private readonly nats: NatsLink,
  ) {
    this.timeoutMs = options.authorizationTimeoutMs;
    this.replies = new Replies(nats.nc);
  }

  /** Rejects when the service does not answer within the timeout, answers with an error or out of contract. */
  async ask({ rpc, request }: AuthorizationQuestion): Promise<AuthorizationDecision> {
    const subject = this.nats.subjects.rpc[rpc];
    try {
      const message = await this.replies.ask(subject, encoder.encode(JSON.stringify(request)), this.timeoutMs);
      const envelope = parseRpcReply(rpc, message.data);
      if (envelope.kind === 'error') throw new AuthorizationFailedError(`${subject}: ${envelope.code}: ${envelope.message}`);
      return envelope.reply;
    } catch (error) {
      if (error instanceof AuthorizationFailedError) throw error;
      throw new AuthorizationFailedError(`${subject}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
