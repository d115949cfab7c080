import type { Client } from 'graphql-ws';
import { subjectsFor, type VoltstreamEvent } from '@voltstream/contracts';
import { connectNats, followEvents } from '@voltstream/nats';
import type { FirmwareFailures, SimulatedChargePoint } from '@voltstream/simulator';
import { liveClient } from './live';
import type { System } from './system';
import { adoptedWallbox } from './wallboxes';

/** Uploads a firmware image as an operator does (raw body). */
export async function uploadImage(system: System, name: string, version: string, content: Buffer): Promise<{ status: number; body: { downloadUrl: string; sha256: string } }> {
  const response = await fetch(`${system.services.apiUrl}/api/firmware-images?name=${encodeURIComponent(name)}&version=${version}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${system.env.API_TOKEN}`, 'content-type': 'application/octet-stream' },
    body: content,
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** Subscribes to chargePointChanged with these fields; every delivered charge point is pushed to `changes`. */
export function followChargePoints<T>(system: System, fields: string, changes: T[]): Client {
  const live = liveClient(system);
  live.subscribe<{ chargePointChanged: T }>(
    { query: `subscription { chargePointChanged { ${fields} } }` },
    { next: ({ data }) => data && changes.push(data.chargePointChanged), error: () => undefined, complete: () => undefined },
  );
  return live;
}

/** A wallbox adopted and booted with firmware 1.0.0 that reconnects after its update's reboot, failing where told to. */
export function firmwareWallbox(system: System, identity: string, failures: FirmwareFailures = {}): Promise<SimulatedChargePoint> {
  return adoptedWallbox(system, identity, { startMode: 'anyTag' }, { firmwareVersion: '1.0.0', firmwareFailures: failures, autoReconnect: true });
}

/** A line for each of a wallbox's events that `describe` tells (undefined: left out), in log order, read from the event log. */
export async function reportedLines(system: System, identity: string, describe: (event: VoltstreamEvent) => string | undefined): Promise<string[]> {
  const nc = await connectNats(system.env.NATS_URL, 'e2e-reported');
  const seen: string[] = [];
  const subjects = subjectsFor(system.namespace);
  const follower = await followEvents(nc, subjects.eventsStream, subjects.event('station', identity, '*'), ({ event }) => {
    const line = describe(event);
    if (line !== undefined) seen.push(line);
  });
  await follower.stop();
  await nc.close();
  return seen;
}
