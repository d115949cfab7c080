import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import type { Subjects, WallboxCommand } from '@voltstream/contracts';
import { interpretCommandReply, unreachable, type CommandResult } from '@voltstream/domain';
import { WallboxCommands } from '@voltstream/nats';
import type { NatsConnection } from 'nats';
import { currentCorrelationId } from './correlation';
import { API_CONFIG, NATS_CONNECTION, SUBJECTS } from './tokens';

/** The gateway answers within OCPP_CALL_TIMEOUT; the margin covers the hops to and from it. */
const REPLY_MARGIN_MS = 2000;

/** Sends an OCPP call to one wallbox through whichever gateway pod holds its connection. */
@Injectable()
export class WallboxLink {
  private readonly logger = new Logger(WallboxLink.name);
  private readonly commands: WallboxCommands;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(SUBJECTS) subjects: Subjects,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {
    this.commands = new WallboxCommands(nc, subjects);
  }

  /** The command carries the current request's correlation id; the outcome is logged with it. */
  async send(identity: string, command: WallboxCommand): Promise<CommandResult> {
    const correlationId = currentCorrelationId();
    const delivery = await this.commands.send(identity, command, this.config.ocppCallTimeout * 1000 + REPLY_MARGIN_MS, correlationId);
    const result = delivery.kind === 'reply' ? interpretCommandReply(identity, delivery.data) : { ok: false as const, failure: unreachable(identity, delivery.kind) };
    const outcome = result.ok ? { outcome: 'result', status: result.payload.status } : { outcome: result.failure.kind };
    this.logger.log({ identity, correlationId, action: command.action, ...outcome, msg: 'operator command answered' });
    return result;
  }
}
