import type { LoggerService } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { ContractError, parseWallboxCommandReply, type Subjects, type WallboxCommand, type WallboxCommandReply } from '@voltstream/contracts';
import { WallboxCommands, type CommandDelivery } from '@voltstream/nats';

/** The gateway answers `timeout` after OCPP_CALL_TIMEOUT; this margin covers the hop to it. */
const COMMAND_MARGIN_MS = 5000;

/**
 * The commands this service sends to wallboxes on its own (auto-start, local list sync,
 * CertificateSigned), each under the correlation id of what caused it, which the gateway logs with
 * the wallbox's answer. Each is logged here with that id: sent (debug) and answered (info).
 */
export class SystemCommands {
  private readonly commands: WallboxCommands;

  constructor(
    nc: NatsConnection,
    subjects: Subjects,
    private readonly commandTimeoutMs: number,
    private readonly logger: LoggerService,
  ) {
    this.commands = new WallboxCommands(nc, subjects);
  }

  async send(identity: string, command: WallboxCommand, correlationId: string): Promise<WallboxCommandReply> {
    const about = { identity, correlationId, action: command.action };
    this.logger.debug?.({ ...about, msg: 'system command sent' });
    const reply = replyOf(await this.commands.send(identity, command, this.commandTimeoutMs + COMMAND_MARGIN_MS, correlationId));
    const status = reply.outcome === 'result' ? reply.payload.status : undefined;
    this.logger.log({ ...about, outcome: reply.outcome, status, msg: 'system command answered' });
    return reply;
  }
}

/** The gateway's reply, or why there is none; a reply that breaks its contract is `invalid`. */
function replyOf(delivery: CommandDelivery): WallboxCommandReply {
  if (delivery.kind !== 'reply') return { outcome: delivery.kind };
  try {
    return parseWallboxCommandReply(delivery.data);
  } catch (error) {
    if (error instanceof ContractError) return { outcome: 'invalid', reason: error.reason };
    throw error;
  }
}
