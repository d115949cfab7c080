import { ErrorCode, headers, JSONCodec, NatsError, type JetStreamManager, type MsgHdrs, type NatsConnection } from 'nats';
import type { Subjects, WallboxCommand } from '@voltstream/contracts';
import { decodeEvent } from './events';

/** What became of a command: the gateway's reply, or why there is none. */
export type CommandDelivery = { kind: 'reply'; data: Uint8Array } | { kind: 'offline' } | { kind: 'timeout' };

/**
 * NATS header of a command (and of an operator's local list request): the correlation id of what
 * caused it, an operator's request or an event, logged by the gateway with the wallbox's answer.
 */
export const CORRELATION_ID_HEADER = 'Voltstream-Correlation-Id';

/** JetStream API error code: no message on that subject. */
const NO_MESSAGE_FOUND = 10037;
const codec = JSONCodec<WallboxCommand>();

/** NATS headers carrying a correlation id. */
export function correlationHeaders(correlationId: string): MsgHdrs {
  const hdrs = headers();
  hdrs.set(CORRELATION_ID_HEADER, correlationId);
  return hdrs;
}

/**
 * Sends commands, an operator's or the system's own, each under its correlation id, to the gateway
 * pod holding a wallbox. Each pod subscribes once to its own `commandsOf(gatewayId)`; which pod holds a wallbox is read from the log, whose last
 * `ChargePointConnected` of the wallbox names it, so no pod writes anything more per connection.
 * A wallbox never connected, a pod gone (no responders) and a pod no longer holding it (it answers
 * so) are all offline.
 */
export class WallboxCommands {
  private jsm: Promise<JetStreamManager> | undefined;

  constructor(private readonly nc: NatsConnection, private readonly subjects: Subjects) {}

  async send(identity: string, command: WallboxCommand, timeoutMs: number, correlationId: string): Promise<CommandDelivery> {
    const gatewayId = await this.holderOf(identity);
    if (gatewayId === undefined) return { kind: 'offline' };
    try {
      const options = { timeout: timeoutMs, headers: correlationHeaders(correlationId) };
      const reply = await this.nc.request(this.subjects.command(gatewayId, identity), codec.encode(command), options);
      return { kind: 'reply', data: reply.data };
    } catch (error) {
      if (error instanceof NatsError && error.code === ErrorCode.NoResponders) return { kind: 'offline' };
      if (error instanceof NatsError && error.code === ErrorCode.Timeout) return { kind: 'timeout' };
      throw error;
    }
  }

  /** The pod that recorded the wallbox's latest connection; undefined when it never connected. */
  private async holderOf(identity: string): Promise<string | undefined> {
    this.jsm ??= this.nc.jetstreamManager();
    const subject = this.subjects.event('station', identity, 'ChargePointConnected');
    try {
      const stored = await (await this.jsm).streams.getMessage(this.subjects.eventsStream, { last_by_subj: subject });
      const event = decodeEvent(stored.data);
      return event.type === 'ChargePointConnected' ? event.data.gatewayId : undefined;
    } catch (error) {
      if (error instanceof NatsError && error.api_error?.err_code === NO_MESSAGE_FOUND) return undefined;
      throw error;
    }
  }
}
