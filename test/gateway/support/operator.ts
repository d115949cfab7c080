import type { NatsConnection } from 'nats';
import type { Subjects, WallboxCommand, WallboxCommandReply } from '@voltstream/contracts';

/** Sends an operator command the way the API does: a NATS request to the wallbox's command subject. */
export async function command(nc: NatsConnection, subjects: Subjects, identity: string, body: WallboxCommand, timeoutMs = 10_000): Promise<WallboxCommandReply> {
  const reply = await nc.request(subjects.command(identity), JSON.stringify(body), { timeout: timeoutMs });
  return reply.json<WallboxCommandReply>();
}
