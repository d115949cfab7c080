import type { SimulatedChargePoint } from './charge-point';
import { integerSetting } from './configuration';
import type { Payload } from './framing';
import type { AuthorizeConf, StartTransactionConf, StopTransactionConf } from './ocpp-types';
import type { Ticker } from './ticker';

export interface ChargingSessionOptions {
  connectorId: number;
  /**
   * The card presented. Without one the vehicle waits, plugged in, for the central system to
   * start the transaction remotely (start mode `auto`).
   */
  idTag?: string;
  /** Energy delivered over the session, Wh, when no charging profile limits the power. */
  wh: number;
  meterIntervalMs: number;
  /** Periodic MeterValues sent; the energy is spread evenly over them. */
  samples: number;
  /** How long to wait for a remote start without an idTag; default the ConnectionTimeOut key. */
  remoteStartTimeoutMs?: number;
}

export type ChargingSessionOutcome =
  /** Charged `wh` and stopped the transaction itself. */
  | 'completed'
  /** The central system stopped the transaction (remote stop, reset, unlock) before the end. */
  | 'stoppedByCsms'
  /** Authorize (or the wallbox's cache, offline rules) or StartTransaction refused the tag. */
  | 'notAuthorized'
  /** No idTag and no remote start came in time, or the cable did not lock. */
  | 'notStarted';

export interface ChargingSessionResult {
  outcome: ChargingSessionOutcome;
  transactionId: number | undefined;
  /**
   * The central system's answers; `authorize` is absent for a card the wallbox decided itself
   * (its cache), `startTransaction` for a remotely started session.
   */
  answers: {
    authorize?: AuthorizeConf;
    startTransaction?: StartTransactionConf;
    meterValues: Payload[];
    stopTransaction?: StopTransactionConf;
  };
}

const HOUR_MS = 3_600_000;
const ROUNDING = 1e-6;

/**
 * A vehicle plugs in and charges: Preparing → (Authorize) → StartTransaction → Charging →
 * periodic MeterValues → StopTransaction → Finishing → Available.
 */
export async function plugInAndCharge(cp: SimulatedChargePoint, options: ChargingSessionOptions, ticker: Ticker): Promise<ChargingSessionResult> {
  const { connectorId, idTag } = options;
  const answers: ChargingSessionResult['answers'] = { meterValues: [] };
  await cp.plugIn(connectorId);
  // A remote start that waited for this cable has begun: no card is needed.
  if (idTag !== undefined && cp.transactionOn(connectorId) === undefined) {
    const decidedLocally = cp.authorizeLocally(idTag);
    if (decidedLocally === undefined) answers.authorize = await cp.authorize(idTag);
    if ((decidedLocally ?? answers.authorize?.idTagInfo.status) !== 'Accepted') return unplugged(cp, connectorId, 'notAuthorized', answers);
    if (!(await cp.lockCable(connectorId))) return { outcome: 'notStarted', transactionId: undefined, answers };
    answers.startTransaction = await cp.beginTransaction(connectorId, idTag);
    if (answers.startTransaction.idTagInfo.status !== 'Accepted') {
      return { outcome: 'notAuthorized', transactionId: answers.startTransaction.transactionId, answers };
    }
  }
  const transactionId = answers.startTransaction?.transactionId ?? (await remoteStart(cp, options, ticker));
  if (transactionId === undefined) return unplugged(cp, connectorId, 'notStarted', answers);
  return charge(cp, options, transactionId, answers, ticker);
}

async function charge(
  cp: SimulatedChargePoint,
  options: ChargingSessionOptions,
  transactionId: number,
  answers: ChargingSessionResult['answers'],
  ticker: Ticker,
): Promise<ChargingSessionResult> {
  const { connectorId, samples, wh, meterIntervalMs } = options;
  const stillRunning = (): boolean => cp.transactionOn(connectorId) === transactionId;
  const plannedPowerW = (wh / samples) * (HOUR_MS / meterIntervalMs);
  let delivered = 0;
  for (let sample = 1; sample <= samples && stillRunning(); sample++) {
    await ticker.sleep(meterIntervalMs);
    if (!stillRunning()) break;
    // The charging profiles cap the power, and so the energy of the interval (OCPP 1.6 §3.13).
    const powerW = Math.min(plannedPowerW, cp.powerLimitW(connectorId));
    delivered += (powerW * meterIntervalMs) / HOUR_MS;
    // Whole watt-hours on the register; the fraction (and a float's rounding error) carries over.
    const whole = Math.floor(delivered + ROUNDING);
    delivered -= whole;
    const register = cp.meterOf(connectorId) + whole;
    answers.meterValues.push(await cp.meterValues(connectorId, register, transactionId, 'Sample.Periodic', Math.round(powerW)));
  }
  if (!stillRunning()) return { outcome: 'stoppedByCsms', transactionId, answers };
  answers.stopTransaction = await cp.finishTransaction(connectorId, 'Local');
  return { outcome: 'completed', transactionId, answers };
}

/** Waits, plugged in, until the central system has started a transaction on the connector and handed out its id. */
async function remoteStart(cp: SimulatedChargePoint, options: ChargingSessionOptions, ticker: Ticker): Promise<number | undefined> {
  const timeoutMs = options.remoteStartTimeoutMs ?? integerSetting(cp.configuration, 'ConnectionTimeOut') * 1000;
  const deadline = Date.now() + timeoutMs;
  const handedOut = (): number | undefined => {
    const id = cp.transactionOn(options.connectorId);
    return id !== undefined && id > 0 ? id : undefined;
  };
  while (handedOut() === undefined && Date.now() < deadline) {
    await ticker.sleep(ticker.resolutionMs);
  }
  return handedOut();
}

async function unplugged(
  cp: SimulatedChargePoint,
  connectorId: number,
  outcome: ChargingSessionOutcome,
  answers: ChargingSessionResult['answers'],
): Promise<ChargingSessionResult> {
  await cp.unplug(connectorId);
  return { outcome, transactionId: undefined, answers };
}
