import { expect, vi } from 'vitest';
import type { StartMode } from '@voltstream/contracts';
import { CallFailedError, SimulatedChargePoint, type BootNotificationConf, type ChargePointOptions } from '@voltstream/simulator';
import type { System } from './system';
import type { ChargePointView, ConnectorView } from './views';

export interface Adoption {
  startMode: StartMode;
  autoStartIdTag?: string;
}

/** Long enough for a loaded test machine, short enough that a hang fails the test rather than the run. */
export const SLOW_MS = 10_000;

/** Retries an assertion until it holds; unlike expect.poll, usable in hooks and helpers too. */
export function eventually<T>(assertion: () => Promise<T>): Promise<T> {
  return vi.waitFor(assertion, { timeout: SLOW_MS, interval: 50 });
}

export async function chargePoint(system: System, identity: string): Promise<ChargePointView> {
  const { status, body } = await system.api<ChargePointView>(`/api/charge-points/${encodeURIComponent(identity)}`);
  if (status !== 200) throw new Error(`GET charge point ${identity}: HTTP ${status}`);
  return body;
}

export async function connector(system: System, identity: string, connectorId: number): Promise<ConnectorView> {
  const { status, body } = await system.api<ConnectorView>(`/api/charge-points/${encodeURIComponent(identity)}/connectors/${connectorId}`);
  if (status !== 200) throw new Error(`GET connector ${connectorId} of ${identity}: HTTP ${status}`);
  return body;
}

export async function adopt(system: System, identity: string, adoption: Adoption): Promise<void> {
  const { status, body } = await system.api(`/api/charge-points/${encodeURIComponent(identity)}`, { method: 'PUT', body: adoption });
  if (status >= 300) throw new Error(`adopting ${identity}: HTTP ${status} ${JSON.stringify(body)}`);
}

export function simulatedWallbox(system: System, identity: string, options: Partial<ChargePointOptions> = {}): SimulatedChargePoint {
  return new SimulatedChargePoint({ url: system.services.ocppUrl, identity, connectors: 2, callTimeoutMs: SLOW_MS, ...options });
}

/** A wallbox adopted through the API before it first connects, booted and reporting (see bootedWallbox). */
export async function adoptedWallbox(
  system: System,
  identity: string,
  adoption: Adoption,
  options: Partial<ChargePointOptions> = {},
): Promise<SimulatedChargePoint> {
  await adopt(system, identity, adoption);
  return bootedWallbox(system, identity, options);
}

/** Connects a wallbox already adopted: it boots Accepted, reports every connector, and the API shows them. */
export async function bootedWallbox(system: System, identity: string, options: Partial<ChargePointOptions> = {}): Promise<SimulatedChargePoint> {
  const wallbox = simulatedWallbox(system, identity, options);
  await wallbox.connect();
  const boot = await bootAsAWallboxDoes(wallbox);
  if (boot.status !== 'Accepted') throw new Error(`${identity} booted ${boot.status}, not Accepted`);
  const allAvailable = Array.from({ length: wallbox.connectorCount }, () => 'Available');
  await eventually(async () => expect((await chargePoint(system, identity)).connectors.map((c) => c.status)).toEqual(allAvailable));
  return wallbox;
}

const BOOT_TRIES = 5;

/**
 * Boots, sending the BootNotification again when the central system answers InternalError, as OCPP
 * asks a wallbox to (a cluster still electing its stream leaders, a machine that is very busy).
 */
async function bootAsAWallboxDoes(wallbox: SimulatedChargePoint): Promise<BootNotificationConf> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await wallbox.bootAndReport();
    } catch (error) {
      if (!(error instanceof CallFailedError && error.errorCode === 'InternalError') || attempt === BOOT_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

let syncCounter = 0;

/**
 * Waits until the read models hold everything the wallbox sent so far: the projection applies a
 * charge point's events in order, so once a tag presented now shows as its lastIdTag, all
 * earlier messages are applied too.
 */
export async function readModelsCaughtUp(system: System, wallbox: SimulatedChargePoint): Promise<void> {
  const marker = `SYNC-${process.pid}-${++syncCounter}`.slice(0, 20);
  await wallbox.authorize(marker);
  await eventually(async () => expect((await chargePoint(system, wallbox.identity)).lastIdTag).toBe(marker));
}
