import type { ConsumerDeserializer, ConsumerSerializer, IncomingEvent, IncomingRequest, OutgoingResponse } from '@nestjs/microservices';
import { rpcFailure, rpcReply, type RpcReplyEnvelope } from '@voltstream/contracts';

/**
 * Voltstream's RPC envelope (libs/contracts rpc.ts) on the NestJS NATS transport, in place of
 * NestJS's own packets. A request is its JSON message alone: the raw bytes go to the handler, which
 * parses them against the request's contract; the NATS reply subject stands for NestJS's packet id.
 * A message without a reply subject goes to NestJS as an event: the same handler decides it, and
 * the answer, having nowhere to go, is dropped.
 */
export class RpcRequestDeserializer implements ConsumerDeserializer {
  deserialize(value: Uint8Array, options?: { channel?: string; replyTo?: string }): IncomingRequest | IncomingEvent {
    const pattern = options?.channel;
    return options?.replyTo ? { pattern, data: value, id: options.replyTo } : { pattern, data: value };
  }
}

const encoder = new TextEncoder();

/** The handler's answer, or its error, as a reply envelope. */
export class RpcReplySerializer implements ConsumerSerializer {
  serialize(packet: OutgoingResponse): { data: Uint8Array } {
    return { data: encoder.encode(JSON.stringify(envelopeOf(packet))) };
  }
}

function envelopeOf(packet: OutgoingResponse): RpcReplyEnvelope<unknown> {
  if (packet.err !== undefined && packet.err !== null) return failureOf(packet.err);
  if (packet.response !== undefined) return rpcReply(packet.response);
  return rpcFailure('failed', 'the service ended the request without a reply');
}

/**
 * What NestJS's exception filter made of an error: our own envelope for an RpcException thrown
 * with one (a request that does not fit its contract), `{ status, message }` for any other error,
 * a plain string when no handler serves the subject.
 */
function failureOf(err: unknown): RpcReplyEnvelope<never> {
  if (typeof err === 'string') return rpcFailure('failed', err);
  const { kind, code, message } = err as { kind?: unknown; code?: unknown; message?: unknown };
  if (kind === 'error' && code === 'invalid-request') return rpcFailure(code, String(message));
  return rpcFailure('failed', typeof message === 'string' ? message : JSON.stringify(err));
}
