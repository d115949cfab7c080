import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { parseWallboxCommandReply, type Subjects, type WallboxCommand, type WallboxCommandReply } from '@voltstream/contracts';
import { WallboxCommands } from '@voltstream/nats';

/** Sends an operator command the way the API does, under a new correlation id; rejects when no gateway pod answers (offline, timeout). */
export async function command(nc: NatsConnection, subjects: Subjects, identity: string, body: WallboxCommand, timeoutMs = 10_000): Promise<WallboxCommandReply> {
  const delivery = await new WallboxCommands(nc, subjects).send(identity, body, timeoutMs, `test-${randomUUID()}`);
  if (delivery.kind !== 'reply') throw new Error(`no gateway pod answered: ${delivery.kind}`);
  return parseWallboxCommandReply(delivery.data);
}
