import { SimulatedChargePoint, type ChargePointOptions } from './charge-point';
import { summarize, type LatencySummary } from './latency';
import type { ChargingSessionOptions, ChargingSessionResult } from './session';

type SharedChargePointOptions = Omit<ChargePointOptions, 'url' | 'identity' | 'connectors' | 'password' | 'localAddress'>;

export interface FleetOptions {
  url: string;
  count: number;
  connectors: number;
  /** Identities are the prefix and 1…count: `SIM-1`, `SIM-2`, … */
  identityPrefix: string;
  /** Wallboxes connecting and booting at the same time; default 50. */
  concurrency?: number;
  /** Source IPs handed out round-robin, to get past one address's ephemeral port range. */
  localAddresses?: string[];
  password?: string;
  /** Options every wallbox gets (call timeout, auto-reconnect, vendor, ticker …). */
  chargePoint?: SharedChargePointOptions;
}

export interface FleetStats {
  total: number;
  connected: number;
  accepted: number;
  pending: number;
  rejected: number;
  /** Wallboxes whose connect or boot failed in start(). */
  failed: number;
  /** Calls sent to the central system, and calls of it answered, summed over the fleet. */
  callsSent: number;
  callsAnswered: number;
  /** BootNotification round trips, in ms. */
  bootLatencyMs: LatencySummary;
  /** Background failures of wallboxes (a heartbeat unanswered, a bad frame …); see lastWarning. */
  warnings: number;
  sessions: { running: number; completed: number; failed: number };
}

/** Many simulated wallboxes in one process, for end-to-end tests and load. */
export class Fleet {
  readonly chargePoints: readonly SimulatedChargePoint[];
  /** The last error of a wallbox that failed to connect or boot. */
  lastFailure: Error | undefined;
  lastWarning: Error | undefined;
  private warnings = 0;
  private readonly bootLatencies: number[] = [];
  private failed = 0;
  private stopping = false;
  private readonly sessions = { running: 0, completed: 0, failed: 0 };

  constructor(private readonly options: FleetOptions) {
    const addresses = options.localAddresses ?? [];
    this.chargePoints = Array.from(
      { length: options.count },
      (_, index) =>
        new SimulatedChargePoint({
          ...options.chargePoint,
          url: options.url,
          identity: `${options.identityPrefix}${index + 1}`,
          connectors: options.connectors,
          password: options.password,
          localAddress: addresses.length > 0 ? addresses[index % addresses.length] : undefined,
        }),
    );
    for (const cp of this.chargePoints) cp.on('warning', this.onWarning);
  }

  /** Connects and boots every wallbox, `concurrency` at a time; resolves when all have tried. */
  async start(): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (!this.stopping && next < this.chargePoints.length) await this.bringUp(this.chargePoints[next++]);
    };
    const workers = Math.max(1, Math.min(this.options.concurrency ?? 50, this.chargePoints.length));
    await Promise.all(Array.from({ length: workers }, worker));
  }

  /** Closes every wallbox; a start() still under way connects no more. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.chargePoints.map((cp) => cp.close()));
  }

  stats(): FleetStats {
    const stats = { total: this.chargePoints.length, connected: 0, accepted: 0, pending: 0, rejected: 0, callsSent: 0, callsAnswered: 0 };
    for (const cp of this.chargePoints) {
      stats.callsSent += cp.callsSent;
      stats.callsAnswered += cp.callsAnswered;
      if (!cp.online) continue;
      stats.connected++;
      if (cp.registrationStatus === 'Accepted') stats.accepted++;
      if (cp.registrationStatus === 'Pending') stats.pending++;
      if (cp.registrationStatus === 'Rejected') stats.rejected++;
    }
    return { ...stats, failed: this.failed, bootLatencyMs: summarize(this.bootLatencies), warnings: this.warnings, sessions: { ...this.sessions } };
  }

  /**
   * Plays a charging session on a random free connector of a random accepted wallbox;
   * undefined when every connector is busy.
   */
  chargeRandomConnector(session: Omit<ChargingSessionOptions, 'connectorId'>): Promise<ChargingSessionResult> | undefined {
    const count = this.chargePoints.length;
    const offset = Math.floor(Math.random() * count);
    for (let step = 0; step < count; step++) {
      const cp = this.chargePoints[(offset + step) % count];
      const connectorId = freeConnector(cp);
      if (connectorId !== undefined) return this.track(cp.plugInAndCharge({ ...session, connectorId }));
    }
    return undefined;
  }

  private readonly onWarning = (error: Error): void => {
    this.warnings++;
    this.lastWarning = error;
  };

  private async bringUp(cp: SimulatedChargePoint): Promise<void> {
    try {
      await cp.connect();
      await cp.bootAndReport();
      if (cp.lastBootLatencyMs !== undefined) this.bootLatencies.push(cp.lastBootLatencyMs);
    } catch (error) {
      this.failed++;
      this.lastFailure = error as Error;
    }
  }

  private async track(session: Promise<ChargingSessionResult>): Promise<ChargingSessionResult> {
    this.sessions.running++;
    try {
      const result = await session;
      this.sessions.completed++;
      return result;
    } catch (error) {
      this.sessions.failed++;
      throw error;
    } finally {
      this.sessions.running--;
    }
  }
}

function freeConnector(cp: SimulatedChargePoint): number | undefined {
  if (!cp.online || cp.registrationStatus !== 'Accepted') return undefined;
  for (let id = 1; id <= cp.connectorCount; id++) {
    if (cp.connectorStatus(id) === 'Available' && cp.transactionOn(id) === undefined) return id;
  }
  return undefined;
}
