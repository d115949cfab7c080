import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import type { Subjects, WallboxCommand } from '@voltstream/contracts';
import { interpretCommandReply, unreachable, type CommandResult } from '@voltstream/domain';
import { ErrorCode, JSONCodec, NatsError, type NatsConnection } from 'nats';
import { API_CONFIG, NATS_CONNECTION, SUBJECTS } from './tokens';

/** The gateway answers within OCPP_CALL_TIMEOUT; the margin covers the hops to and from it. */
const REPLY_MARGIN_MS = 2000;
const codec = JSONCodec();

/** Sends an OCPP call to one wallbox through whichever gateway pod holds its connection. */
@Injectable()
export class WallboxLink {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  async send(identity: string, command: WallboxCommand): Promise<CommandResult> {
    const timeout = this.config.ocppCallTimeout * 1000 + REPLY_MARGIN_MS;
    try {
      const reply = await this.nc.request(this.subjects.command(identity), codec.encode(command), { timeout });
      return interpretCommandReply(identity, decode(reply.data));
    } catch (error) {
      if (!(error instanceof NatsError)) throw error;
      if (error.code === ErrorCode.NoResponders) return { ok: false, failure: unreachable(identity, 'offline') };
      if (error.code === ErrorCode.Timeout) return { ok: false, failure: unreachable(identity, 'timeout') };
      throw error;
    }
  }
}

/** A reply that is not JSON is left for interpretCommandReply to refuse. */
function decode(data: Uint8Array): unknown {
  try {
    return codec.decode(data);
  } catch {
    return undefined;
  }
}
