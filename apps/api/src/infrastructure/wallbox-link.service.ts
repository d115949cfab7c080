import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import type { Subjects, WallboxCommand } from '@voltstream/contracts';
import { interpretCommandReply, unreachable, type CommandResult } from '@voltstream/domain';
import { WallboxCommands } from '@voltstream/nats';
import type { NatsConnection } from 'nats';
import { API_CONFIG, NATS_CONNECTION, SUBJECTS } from './tokens';

/** The gateway answers within OCPP_CALL_TIMEOUT; the margin covers the hops to and from it. */
const REPLY_MARGIN_MS = 2000;

/** Sends an OCPP call to one wallbox through whichever gateway pod holds its connection. */
@Injectable()
export class WallboxLink {
  private readonly commands: WallboxCommands;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(SUBJECTS) subjects: Subjects,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {
    this.commands = new WallboxCommands(nc, subjects);
  }

  async send(identity: string, command: WallboxCommand): Promise<CommandResult> {
    const delivery = await this.commands.send(identity, command, this.config.ocppCallTimeout * 1000 + REPLY_MARGIN_MS);
    if (delivery.kind !== 'reply') return { ok: false, failure: unreachable(identity, delivery.kind) };
    return interpretCommandReply(identity, delivery.data);
  }
}
