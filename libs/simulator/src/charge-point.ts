import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { changeConfiguration, defaultConfiguration, integerSetting, type Configuration } from './configuration';
import { OcppConnection, type CloseInfo, type CsmsCall, type CsmsCallAnswer } from './connection';
import { connectorForRemoteStart, connectorOfTransaction, createConnectors, restingStatus, type ConnectorState } from './connectors';
import { clearProfiles, installProfile, withoutTransaction, type ChargingProfile, type ChargingRateUnit, type ClearCriteria, type InstalledProfile } from './charging-profiles';
import { compositeSchedule, limitAt, type CompositeContext, type CompositeSchedule } from './composite-schedule';
import { answerCsmsCall } from './csms-calls';
import { CallFailedError } from './errors';
import type { FirmwareFailures, FirmwareHost } from './firmware';
import type { Payload } from './framing';
import type {
  AuthorizeConf,
  BootNotificationConf,
  ChargePointErrorCode,
  ChargePointStatus,
  HeartbeatConf,
  ReadingContext,
  RegistrationStatus,
  StartTransactionConf,
  StopReason,
  StopTransactionConf,
} from './ocpp-types';
import { LocalAuthList, type LocalListMode } from './local-list';
import { OfflineTransactions } from './offline-transactions';
import { plugInAndCharge, type ChargingSessionOptions, type ChargingSessionResult } from './session';
import { sharedTicker, type Tickable, type Ticker } from './ticker';

export interface ChargePointOptions {
  /** Base URL of the central system; the identity is appended as the last path segment. */
  url: string;
  identity: string;
  connectors: number;
  /** HTTP Basic `identity:password` on the handshake. */
  password?: string;
  /** Subprotocols offered; default `['ocpp1.6']`, `[]` offers none. */
  protocols?: string[];
  vendor?: string;
  model?: string;
  serialNumber?: string;
  firmwareVersion?: string;
  /** Source IP of the connection, to spread many sockets over 127.0.0.x. */
  localAddress?: string;
  /** How long the central system has to answer a call (and the handshake); default 30 s. */
  callTimeoutMs?: number;
  /** The limit a composite schedule shows where no charging profile limits a connector, W; default 22,000 (32 A, 3 phases). */
  maxPowerW?: number;
  /** Reconnect and boot again when the central system drops the connection; default false. */
  autoReconnect?: boolean;
  /** First wait before a reconnect; doubles per failed attempt up to 30 s. Default 1 s. */
  reconnectDelayMs?: number;
  /** Firmware updates and diagnostics uploads that fail, to play those cases; none by default. */
  firmwareFailures?: FirmwareFailures;
  ticker?: Ticker;
  /** Local Auth List Management: `supported` (default), or answering SendLocalList `failing` (Failed) or `unsupported` (NotSupported). */
  localList?: LocalListMode;
  /** SendLocalListMaxLength and LocalAuthListMaxLength; default 100. */
  localListMaxLength?: number;
}

export interface ChargePointEvents {
  open: [];
  close: [CloseInfo];
  booted: [BootNotificationConf];
  /** A call received from the central system, before it is answered. */
  call: [CsmsCall];
  /** Something failed that the wallbox carries on after: a background message, a bad frame. */
  warning: [Error];
}

const REGISTRATION_STATUSES: readonly string[] = ['Accepted', 'Pending', 'Rejected'];
const DEFAULT_RETRY_INTERVAL_S = 60;
const DEFAULT_LOCAL_LIST_MAX_LENGTH = 100;
const DEFAULT_MAX_POWER_W = 22_000;

/** One simulated OCPP 1.6J wallbox on one WebSocket. */
export class SimulatedChargePoint extends EventEmitter<ChargePointEvents> implements Tickable, FirmwareHost {
  readonly identity: string;
  readonly configuration: Configuration;
  readonly localList: LocalAuthList;
  readonly offlineTransactions = new OfflineTransactions();
  readonly failures: FirmwareFailures;
  /** Sent with BootNotification; an UpdateFirmware installs another. */
  firmwareVersion: string | undefined;
  /** Calls from the central system answered, with a result or a CALLERROR. */
  callsAnswered = 0;
  /** Milliseconds between sending the last BootNotification and its answer. */
  lastBootLatencyMs: number | undefined;

  private readonly connectors: ConnectorState[];
  private readonly connection: OcppConnection;
  private readonly ticker: Ticker;
  private registration: RegistrationStatus | undefined;
  private heartbeatSince: number | undefined;
  private bootDueAt: number | undefined;
  private lastCall: CsmsCall | undefined;
  private statusReport: Promise<void> = Promise.resolve();
  private profiles: InstalledProfile[] = [];
  /** The TxProfile of a remote start, by connector: installed for the transaction it starts. */
  private readonly remoteStartProfiles = new Map<number, ChargingProfile>();

  constructor(private readonly options: ChargePointOptions) {
    super();
    this.identity = options.identity;
    this.failures = options.firmwareFailures ?? {};
    this.firmwareVersion = options.firmwareVersion;
    this.connectors = createConnectors(options.connectors);
    this.localList = new LocalAuthList(options.localList ?? 'supported', options.localListMaxLength ?? DEFAULT_LOCAL_LIST_MAX_LENGTH);
    this.configuration = defaultConfiguration(options.connectors, this.localList.mode === 'unsupported' ? undefined : this.localList.maxLength);
    this.ticker = options.ticker ?? sharedTicker;
    this.connection = new OcppConnection(
      { ...options, callTimeoutMs: options.callTimeoutMs ?? 30_000, autoReconnect: options.autoReconnect ?? false, reconnectDelayMs: options.reconnectDelayMs ?? 1000 },
      { answer: this.answer, closed: this.onClosed, reconnected: () => this.bootAndReport().then(() => this.sendOfflineTransactions()), warning: this.warn },
    );
  }

  get registrationStatus(): RegistrationStatus | undefined {
    return this.registration;
  }

  get online(): boolean {
    return this.connection.online;
  }

  get lastCallFromCsms(): CsmsCall | undefined {
    return this.lastCall;
  }

  get connectorCount(): number {
    return this.options.connectors;
  }

  get callsSent(): number {
    return this.connection.callsSent;
  }

  connectorStatus(connectorId: number): ChargePointStatus {
    return this.connector(connectorId).status;
  }

  /** The id of the transaction running on the connector; for 0, of any connector. */
  transactionOn(connectorId: number): number | undefined {
    if (connectorId === 0) return this.connectors.find((connector) => connector.transaction)?.transaction?.id;
    return this.connector(connectorId).transaction?.id;
  }

  connectorOfTransaction(transactionId: number): number | undefined {
    return connectorOfTransaction(this.connectors, transactionId);
  }

  /** Where a RemoteStartTransaction would start: the named connector if free, else the first free one. */
  connectorForRemoteStart(requested?: number): number | undefined {
    return connectorForRemoteStart(this.connectors, requested);
  }

  /** The charging profiles installed, as the wallbox holds them. */
  get chargingProfiles(): readonly InstalledProfile[] {
    return this.profiles;
  }

  /** SetChargingProfile: Rejected when OCPP or the wallbox's limits do not allow it (§3.13). */
  setChargingProfile(connectorId: number, profile: ChargingProfile): 'Accepted' | 'Rejected' {
    const installed = installProfile(this.profiles, connectorId, profile, {
      connectorCount: this.connectorCount,
      maxStackLevel: integerSetting(this.configuration, 'ChargeProfileMaxStackLevel'),
      maxPeriods: integerSetting(this.configuration, 'ChargingScheduleMaxPeriods'),
      transactionOn: (id) => this.transactionOn(id),
    });
    if (!installed || installed.length > integerSetting(this.configuration, 'MaxChargingProfilesInstalled')) return 'Rejected';
    this.profiles = installed;
    return 'Accepted';
  }

  clearChargingProfiles(criteria: ClearCriteria): 'Accepted' | 'Unknown' {
    const { left, status } = clearProfiles(this.profiles, criteria);
    this.profiles = left;
    return status;
  }

  /** A remote start's TxProfile, installed on the transaction it starts (OCPP 1.6 §5.11). */
  holdRemoteStartProfile(connectorId: number, profile: ChargingProfile): void {
    this.remoteStartProfiles.set(connectorId, profile);
  }

  /** The power the charging profiles let the connector draw now, W; Infinity when none limits it. */
  powerLimitW(connectorId: number, at = Date.now()): number {
    return limitAt(this.profiles, this.compositeContext(connectorId, Infinity), at);
  }

  compositeSchedule(connectorId: number, durationS: number, unit: ChargingRateUnit, from = Date.now()): CompositeSchedule {
    return compositeSchedule(this.profiles, this.compositeContext(connectorId, this.options.maxPowerW ?? DEFAULT_MAX_POWER_W), from, durationS, unit);
  }

  meterOf(connectorId: number): number {
    return this.connector(connectorId).meterWh;
  }

  /** Opens the WebSocket; rejects with HandshakeRefusedError (`statusCode`) when refused. */
  async connect(): Promise<void> {
    await this.connection.open();
    this.registration = undefined;
    this.ticker.add(this);
    this.emit('open');
  }

  /** Closes the connection for good (no reconnect); resolves once it is closed. */
  async close(code = 1000): Promise<void> {
    await this.connection.close(code);
    this.ticker.remove(this);
  }

  /** Writes a frame as it is, for tests of what the central system does with bad input. */
  sendRaw(text: string): void {
    if (!this.connection.send(text)) throw new Error(`${this.identity} is not connected`);
  }

  /** A CALL to the central system; waits its turn, since OCPP-J allows one call in flight. */
  call(action: string, payload: object): Promise<Payload> {
    return this.connection.call(action, payload);
  }

  /**
   * BootNotification. When Accepted, heartbeats start at the answered interval and every
   * connector's status is reported; otherwise it boots again after the interval (OCPP 1.6 §4.2).
   */
  async boot(): Promise<BootNotificationConf> {
    const startedAt = performance.now();
    const conf = bootConf(await this.call('BootNotification', this.bootPayload()));
    this.lastBootLatencyMs = performance.now() - startedAt;
    this.registration = conf.status;
    if (conf.status === 'Accepted') this.startOperating(conf.interval);
    else this.scheduleBoot(conf.interval);
    this.emit('booted', conf);
    return conf;
  }

  /** boot(), and when Accepted, waits until connector 0 and every connector reported its status. */
  async bootAndReport(): Promise<BootNotificationConf> {
    const conf = await this.boot();
    if (conf.status === 'Accepted') await this.statusReport;
    return conf;
  }

  async heartbeat(): Promise<HeartbeatConf> {
    return (await this.call('Heartbeat', {})) as unknown as HeartbeatConf;
  }

  async statusNotification(connectorId: number, status: ChargePointStatus, errorCode: ChargePointErrorCode = 'NoError'): Promise<Payload> {
    const connector = this.connector(connectorId);
    connector.status = status;
    connector.errorCode = errorCode;
    return this.call('StatusNotification', { connectorId, errorCode, status, timestamp: new Date().toISOString() });
  }

  /** StatusNotification of one connector, or of connector 0 and every connector. */
  async reportStatuses(connectorId?: number): Promise<void> {
    for (const id of connectorId === undefined ? this.connectors.keys() : [connectorId]) {
      const connector = this.connector(id);
      await this.statusNotification(id, connector.status, connector.errorCode);
    }
  }

  async authorize(idTag: string): Promise<AuthorizeConf> {
    const conf = await this.call('Authorize', { idTag });
    if (!hasIdTagInfo(conf)) throw new CallFailedError('invalidResponse', 'Authorize', 'answer lacks idTagInfo.status');
    return conf as unknown as AuthorizeConf;
  }

  /** StartTransaction; once answered, the connector knows its transaction (whatever the tag's status). */
  async startTransaction(connectorId: number, idTag: string, meterStart: number, timestamp = new Date()): Promise<StartTransactionConf> {
    const connector = this.connector(connectorId);
    const conf = await this.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: timestamp.toISOString() });
    if (!Number.isInteger(conf.transactionId) || !hasIdTagInfo(conf)) {
      throw new CallFailedError('invalidResponse', 'StartTransaction', 'answer lacks transactionId or idTagInfo.status');
    }
    const started = conf as unknown as StartTransactionConf;
    connector.transaction = { id: started.transactionId, idTag, meterStartWh: meterStart, startedAt: timestamp.getTime() };
    this.installRemoteStartProfile(connectorId, started.transactionId);
    connector.meterWh = Math.max(connector.meterWh, meterStart);
    return started;
  }

  /** StopTransaction; the connector forgets the transaction at once, before the answer. */
  async stopTransaction(transactionId: number, meterStop: number, idTag?: string, reason?: StopReason): Promise<StopTransactionConf> {
    const connectorId = this.connectorOfTransaction(transactionId);
    if (connectorId !== undefined) {
      const connector = this.connector(connectorId);
      connector.transaction = undefined;
      connector.meterWh = Math.max(connector.meterWh, meterStop);
      this.profiles = withoutTransaction(this.profiles, transactionId);
    }
    const payload = { transactionId, meterStop, timestamp: new Date().toISOString(), idTag, reason };
    return (await this.call('StopTransaction', payload)) as StopTransactionConf;
  }

  /**
   * MeterValues with the energy register (Energy.Active.Import.Register, Wh) and, when given and
   * MeterValuesSampledData lists it, the power drawn (Power.Active.Import, W).
   */
  async meterValues(connectorId: number, wh: number, transactionId?: number, context: ReadingContext = 'Sample.Periodic', powerW?: number): Promise<Payload> {
    const connector = this.connector(connectorId);
    connector.meterWh = Math.max(connector.meterWh, wh);
    const sampledValue = [{ value: String(wh), context, measurand: 'Energy.Active.Import.Register', unit: 'Wh' }];
    if (powerW !== undefined && this.samples('Power.Active.Import')) sampledValue.push({ value: String(powerW), context, measurand: 'Power.Active.Import', unit: 'W' });
    return this.call('MeterValues', { connectorId, transactionId, meterValue: [{ timestamp: new Date().toISOString(), sampledValue }] });
  }

  /** MeterValues (context Trigger) of one connector, or of every connector. */
  async reportMeters(connectorId?: number): Promise<void> {
    const ids = connectorId ? [connectorId] : [...this.connectors.keys()].slice(1);
    for (const id of ids) await this.meterValues(id, this.meterOf(id), this.transactionOn(id), 'Trigger');
  }

  /** Preparing (unless already) → StartTransaction → Charging; a refused tag ends it at once. */
  async beginTransaction(connectorId: number, idTag: string): Promise<StartTransactionConf> {
    if (this.connectorStatus(connectorId) !== 'Preparing') await this.statusNotification(connectorId, 'Preparing');
    const started = await this.startTransaction(connectorId, idTag, this.meterOf(connectorId));
    if (started.idTagInfo.status === 'Accepted') await this.statusNotification(connectorId, 'Charging');
    else await this.finishTransaction(connectorId, 'DeAuthorized');
    return started;
  }

  /**
   * A tag presented while the central system is unreachable (OCPP 1.6 §3.4.1, LocalAuthorizeOffline):
   * charging starts when the local list holds it Accepted (unexpired); the transaction is reported
   * by sendOfflineTransactions once connected again. Answers the local list's status, Invalid when unlisted.
   */
  beginOfflineTransaction(connectorId: number, idTag: string, now = new Date()): string {
    const connector = this.connector(connectorId);
    const offlineAllowed = this.configuration.get('LocalAuthorizeOffline')?.value === 'true' && this.configuration.get('LocalAuthListEnabled')?.value === 'true';
    const status = offlineAllowed ? (this.localList.authorize(idTag, now) ?? 'Invalid') : 'Invalid';
    if (status !== 'Accepted' || connector.transaction) return status;
    const transaction = this.offlineTransactions.begin(connectorId, idTag, connector.meterWh, now);
    connector.transaction = { id: transaction.localId, idTag, meterStartWh: connector.meterWh, startedAt: now.getTime() };
    connector.status = 'Charging';
    return status;
  }

  /** Ends an offline transaction at `meterStop` Wh; reported with its start after the reconnection. */
  finishOfflineTransaction(connectorId: number, meterStop: number, now = new Date()): void {
    const connector = this.connector(connectorId);
    if (!connector.transaction || connector.transaction.id >= 0) return;
    this.offlineTransactions.finish(connector.transaction.id, meterStop, now);
    connector.meterWh = Math.max(connector.meterWh, meterStop);
    connector.transaction = undefined;
    connector.status = restingStatus(connector);
  }

  /** StartTransaction (and StopTransaction) of every offline transaction, in order, with their own timestamps. */
  async sendOfflineTransactions(): Promise<void> {
    await this.offlineTransactions.drain(async (offline) => {
      const conf = await this.call('StartTransaction', { connectorId: offline.connectorId, idTag: offline.idTag, meterStart: offline.meterStart, timestamp: offline.startedAt.toISOString() });
      if (!Number.isInteger(conf.transactionId)) throw new CallFailedError('invalidResponse', 'StartTransaction', 'answer lacks transactionId');
      const transactionId = conf.transactionId as number;
      const running = this.connector(offline.connectorId).transaction;
      if (running?.id === offline.localId) running.id = transactionId;
      if (!offline.stop) return;
      const { meterStop, stoppedAt } = offline.stop;
      await this.call('StopTransaction', { transactionId, meterStop, timestamp: stoppedAt.toISOString(), idTag: offline.idTag, reason: 'Local' });
    });
  }

  /** StopTransaction → Finishing → the vehicle leaves; undefined when nothing ran there. */
  async finishTransaction(connectorId: number, reason: StopReason = 'Local'): Promise<StopTransactionConf | undefined> {
    const { transaction, meterWh } = this.connector(connectorId);
    if (!transaction) return undefined;
    const idTag = reason === 'Local' ? transaction.idTag : undefined;
    const stopped = await this.stopTransaction(transaction.id, meterWh, idTag, reason);
    await this.statusNotification(connectorId, 'Finishing');
    await this.unplug(connectorId);
    return stopped;
  }

  /** The vehicle leaves: an availability change scheduled meanwhile applies, the status rests. */
  async unplug(connectorId: number): Promise<void> {
    const connector = this.connector(connectorId);
    if (connector.scheduledOperative !== undefined) connector.operative = connector.scheduledOperative;
    connector.scheduledOperative = undefined;
    await this.statusNotification(connectorId, restingStatus(connector));
  }

  /** Operative/Inoperative for one connector or (0) all; deferred where a transaction runs. */
  async changeAvailability(connectorId: number, operative: boolean): Promise<void> {
    const ids = connectorId === 0 ? [...this.connectors.keys()] : [connectorId];
    const changed: number[] = [];
    for (const id of ids) {
      const connector = this.connector(id);
      if (connector.transaction) {
        connector.scheduledOperative = operative;
        continue;
      }
      connector.operative = operative;
      if (connector.status !== restingStatus(connector)) changed.push(id);
    }
    for (const id of changed) await this.statusNotification(id, restingStatus(this.connector(id)));
  }

  /** Reset: ends running transactions, drops the connection, connects and boots again. */
  async reboot(reason: 'SoftReset' | 'HardReset' | 'Reboot'): Promise<void> {
    for (const id of this.connectors.keys()) await this.finishTransaction(id, reason);
    await this.connection.close(1001);
    for (const connector of this.connectors) connector.status = restingStatus(connector);
    await this.connect();
    await this.bootAndReport();
  }

  /** The end of a firmware update: the new version runs after a restart. */
  async installAndReboot(firmwareVersion: string): Promise<void> {
    this.firmwareVersion = firmwareVersion;
    await this.reboot('Reboot');
  }

  /** The content of a diagnostics file: the wallbox as it is now. */
  describe(): string {
    const connectors = this.connectors.map((connector, id) => `connector ${id}: ${connector.status} ${connector.errorCode} ${connector.meterWh} Wh`);
    return [`identity: ${this.identity}`, `firmwareVersion: ${this.firmwareVersion ?? ''}`, `at: ${new Date().toISOString()}`, ...connectors, ''].join('\n');
  }

  plugInAndCharge(options: ChargingSessionOptions): Promise<ChargingSessionResult> {
    return plugInAndCharge(this, options, this.ticker);
  }

  tick(now: number): void {
    this.connection.tick(now);
    if (this.heartbeatSince !== undefined && now - this.heartbeatSince >= this.heartbeatIntervalMs()) {
      this.heartbeatSince = now;
      if (!this.connection.calling('Heartbeat')) this.heartbeat().then(undefined, this.warn);
    }
    if (this.bootDueAt !== undefined && now >= this.bootDueAt) {
      this.scheduleBoot(DEFAULT_RETRY_INTERVAL_S);
      this.bootAndReport().then(undefined, this.warn);
    }
  }

  private samples(measurand: string): boolean {
    return (this.configuration.get('MeterValuesSampledData')?.value ?? '').split(',').includes(measurand);
  }

  private installRemoteStartProfile(connectorId: number, transactionId: number): void {
    const profile = this.remoteStartProfiles.get(connectorId);
    this.remoteStartProfiles.delete(connectorId);
    if (profile) this.setChargingProfile(connectorId, { ...profile, transactionId });
  }

  private compositeContext(connectorId: number, maxPowerW: number): CompositeContext {
    const transaction = connectorId > 0 ? this.connector(connectorId).transaction : undefined;
    return { connectorId, transaction, maxPowerW };
  }

  private connector(connectorId: number): ConnectorState {
    const connector = this.connectors[connectorId];
    if (!Number.isInteger(connectorId) || !connector) throw new RangeError(`${this.identity} has no connector ${connectorId}`);
    return connector;
  }

  private bootPayload(): object {
    return {
      chargePointVendor: this.options.vendor ?? 'Voltstream',
      chargePointModel: this.options.model ?? 'Simulator',
      chargePointSerialNumber: this.options.serialNumber,
      firmwareVersion: this.firmwareVersion,
    };
  }

  private startOperating(intervalSeconds: number): void {
    changeConfiguration(this.configuration, 'HeartbeatInterval', String(intervalSeconds));
    this.bootDueAt = undefined;
    this.heartbeatSince = Date.now();
    this.statusReport = this.reportStatuses();
    this.statusReport.then(undefined, this.warn);
  }

  private scheduleBoot(intervalSeconds: number): void {
    this.heartbeatSince = undefined;
    this.bootDueAt = Date.now() + (intervalSeconds > 0 ? intervalSeconds : DEFAULT_RETRY_INTERVAL_S) * 1000;
  }

  private heartbeatIntervalMs(): number {
    const seconds = integerSetting(this.configuration, 'HeartbeatInterval');
    return seconds > 0 ? seconds * 1000 : Number.POSITIVE_INFINITY;
  }

  private readonly answer = (call: CsmsCall): CsmsCallAnswer => {
    this.lastCall = call;
    this.callsAnswered++;
    this.emit('call', call);
    return answerCsmsCall(this, call.action, call.payload);
  };

  private readonly onClosed = (info: CloseInfo): void => {
    this.heartbeatSince = undefined;
    this.bootDueAt = undefined;
    this.emit('close', info);
  };

  private readonly warn = (error: Error): void => {
    this.emit('warning', error);
  };
}

function hasIdTagInfo(payload: Payload): boolean {
  const info = payload.idTagInfo as Payload | undefined;
  return typeof info === 'object' && info !== null && typeof info.status === 'string';
}

function bootConf(payload: Payload): BootNotificationConf {
  const { status, interval, currentTime } = payload;
  if (typeof status !== 'string' || !REGISTRATION_STATUSES.includes(status) || !Number.isInteger(interval) || typeof currentTime !== 'string') {
    throw new CallFailedError('invalidResponse', 'BootNotification', 'answer needs status, currentTime and an integer interval');
  }
  return payload as unknown as BootNotificationConf;
}
