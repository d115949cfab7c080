import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { AuthorizationCache, type AuthorizationStatus } from './authorization-cache';
import { CertificateStore } from './certificates';
import { booleanSetting, changeConfiguration, defaultConfiguration, integerSetting, type Configuration } from './configuration';
import { OcppConnection, type CloseInfo, type CsmsCall, type CsmsCallAnswer } from './connection';
import type { ClientTls } from './socket';
import { connectorForRemoteStart, connectorOfTransaction, createConnectors, restingStatus, type ConnectorState } from './connectors';
import { clearProfiles, installProfile, withoutTransaction, type ChargingProfile, type ChargingRateUnit, type ClearCriteria, type InstalledProfile } from './charging-profiles';
import { compositeSchedule, limitAt, type CompositeContext, type CompositeSchedule } from './composite-schedule';
import { answerCsmsCall } from './csms-calls';
import { CallFailedError, ConnectorReservedError, HandshakeRefusedError } from './errors';
import type { FirmwareFailures, FirmwareHost } from './firmware';
import type { Payload } from './framing';
import { OfflineQueue } from './offline-queue';
import { logUploadStatus, signedFirmwareStatus } from './procedure-status';
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
import { ReservationBook, type Reservation, type ReserveNowStatus } from './reservations';
import { endpointFor, securityProfileProblem } from './security-profile';
import { LocalAuthList, type LocalListMode } from './local-list';
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
  /** `wss://`: the CA to trust and, for security profile 3, the client certificate and key. */
  tls?: ClientTls;
  /** The security profile it connects with (default 0); ChangeConfiguration SecurityProfile raises it (TC_083). */
  securityProfile?: number;
  /** The `wss://` base URL it connects to once raised to profile 2 or 3, when `url` is `ws://`. */
  secureUrl?: string;
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
  /** Holds reservations (ReserveNow); default true. False answers every ReserveNow Rejected. */
  reservations?: boolean;
  /** Firmware updates and diagnostics uploads that fail, to play those cases; none by default. */
  firmwareFailures?: FirmwareFailures;
  ticker?: Ticker;
  /** Local Auth List Management: `supported` (default), or answering SendLocalList `failing` (Failed) or `unsupported` (NotSupported). */
  localList?: LocalListMode;
  /** SendLocalListMaxLength and LocalAuthListMaxLength; default 100. */
  localListMaxLength?: number;
  /** Vendor ids whose DataTransfer it answers Accepted (echoing the data); others get UnknownVendorId. */
  dataTransferVendors?: string[];
  /** A DataTransfer it sends after each accepted boot. */
  dataTransferOnBoot?: DataTransferReq;
  /** A SecurityEventNotification it sends after each accepted boot (`type`, e.g. StartupOfTheDevice). */
  securityEventOnBoot?: string;
  /**
   * Its connectors' cable lock: `works` (default); `fixedCable`, a tethered cable with no lock
   * (UnlockConnector NotSupported); `lockFails` (a transaction cannot start: Faulted,
   * ConnectorLockFailure); `unlockFails` (UnlockConnector UnlockFailed).
   */
  cableLock?: CableLock;
  /**
   * A RemoteStartTransaction for a connector with no vehicle (Available): `starts` at once, the
   * vehicle taken to be there (default); `waitsForCable`: Preparing, the transaction starts when a
   * vehicle plugs in, and the connector is Available again after ConnectionTimeOut if none does.
   */
  remoteStartWithoutVehicle?: 'starts' | 'waitsForCable';
}

export const CABLE_LOCKS = ['works', 'fixedCable', 'lockFails', 'unlockFails'] as const;
export type CableLock = (typeof CABLE_LOCKS)[number];

export interface DataTransferReq {
  vendorId: string;
  messageId?: string;
  data?: string;
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
const PASSWORD_RECONNECT_ATTEMPTS = 5;
const DEFAULT_MAX_POWER_W = 22_000;

/** One simulated OCPP 1.6J wallbox on one WebSocket. */
export class SimulatedChargePoint extends EventEmitter<ChargePointEvents> implements Tickable, FirmwareHost {
  readonly identity: string;
  readonly configuration: Configuration;
  readonly localList: LocalAuthList;
  /** The certificates it holds (security whitepaper): installed roots, its own charge point certificate. */
  readonly certificates = new CertificateStore();
  readonly procedures = { logUpload: logUploadStatus(), signedFirmware: signedFirmwareStatus() };
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
  private readonly reservations = new ReservationBook();
  /** Parent id tags as the central system's Authorize answers named them. */
  private readonly parentIdTags = new Map<string, string | undefined>();
  private readonly authorizationCache: AuthorizationCache;
  private readonly offlineQueue: OfflineQueue;
  /** A transaction goes by a negative id of its own until the central system hands one out. */
  private lastOwnId = 0;
  private profiles: InstalledProfile[] = [];
  /** The TxProfile of a remote start, by connector: installed for the transaction it starts. */
  private readonly remoteStartProfiles = new Map<number, ChargingProfile>();
  private profile: number;
  private password: string | Buffer | undefined;

  constructor(private readonly options: ChargePointOptions) {
    super();
    this.identity = options.identity;
    this.failures = options.firmwareFailures ?? {};
    this.profile = options.securityProfile ?? 0;
    this.password = options.password;
    this.firmwareVersion = options.firmwareVersion;
    this.connectors = createConnectors(options.connectors);
    this.localList = new LocalAuthList(options.localList ?? 'supported', options.localListMaxLength ?? DEFAULT_LOCAL_LIST_MAX_LENGTH);
    this.configuration = defaultConfiguration(options.connectors, this.localList.mode === 'unsupported' ? undefined : this.localList.maxLength);
    this.authorizationCache = new AuthorizationCache(this.configuration);
    this.ticker = options.ticker ?? sharedTicker;
    this.connection = new OcppConnection(
      { ...options, callTimeoutMs: options.callTimeoutMs ?? 30_000, autoReconnect: options.autoReconnect ?? false, reconnectDelayMs: options.reconnectDelayMs ?? 1000 },
      { answer: this.answer, closed: this.onClosed, reconnected: () => this.bootAndReport(), warning: this.warn },
    );
    this.offlineQueue = new OfflineQueue((action, payload) => this.connection.call(action, payload));
  }

  get cableLock(): CableLock {
    return this.options.cableLock ?? 'works';
  }

  /** Transaction-related messages waiting for the connection to come back. */
  get queuedWhileOffline(): number {
    return this.offlineQueue.length;
  }

  acceptsDataTransferFrom(vendorId: string): boolean {
    return this.options.dataTransferVendors?.includes(vendorId) ?? false;
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

  /**
   * The id of the transaction running on the connector; for 0, of any connector. Negative (the
   * wallbox's own) until the central system answers its StartTransaction.
   */
  transactionOn(connectorId: number): number | undefined {
    if (connectorId === 0) return this.connectors.find((connector) => connector.transaction)?.transaction?.id;
    return this.connector(connectorId).transaction?.id;
  }

  connectorOfTransaction(transactionId: number): number | undefined {
    return connectorOfTransaction(this.connectors, transactionId);
  }

  /** Where a RemoteStartTransaction of `idTag` would start: the named connector if free for it, else the first one free for it. */
  connectorForRemoteStart(requested?: number, idTag?: string): number | undefined {
    const reservedFor = (id: number) => idTag === undefined || this.reservations.verdict(this.connectors, id, idTag, this.parentIdTags.get(idTag)).allowed;
    return connectorForRemoteStart(this.connectors, requested, reservedFor);
  }

  /** The reservation the wallbox holds under this id. */
  reservation(reservationId: number): Reservation | undefined {
    return this.reservations.get(reservationId);
  }

  /**
   * ReserveNow: answered by the state of the connector; an id held already is replaced. Accepted
   * turns the connector Reserved (connector 0: none in particular, one stays free for the tag).
   */
  reserve(reservation: Reservation): { status: ReserveNowStatus; afterwards?: () => Promise<void> } {
    const replaced = this.reservations.remove(reservation.id);
    const zeroSupported = this.configuration.get('ReserveConnectorZeroSupported')?.value === 'true';
    const refused = this.options.reservations === false || (reservation.connectorId === 0 && !zeroSupported);
    const status = refused ? 'Rejected' : this.reservations.statusFor(this.connectors, reservation.connectorId);
    if (status !== 'Accepted') {
      if (replaced) this.reservations.add(replaced);
      return { status };
    }
    this.reservations.add(reservation);
    return {
      status,
      afterwards: async () => {
        if (replaced && replaced.connectorId !== reservation.connectorId) await this.released(replaced);
        if (reservation.connectorId > 0) await this.statusNotification(reservation.connectorId, 'Reserved');
      },
    };
  }

  /** CancelReservation: undefined when no reservation has the id, else what follows the Accepted answer. */
  cancelReservation(reservationId: number): (() => Promise<void>) | undefined {
    const reservation = this.reservations.remove(reservationId);
    return reservation && (() => this.released(reservation));
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

  /**
   * boot(), and when Accepted, waits until connector 0 and every connector reported its status and
   * the transaction messages kept while offline are delivered.
   */
  async bootAndReport(): Promise<BootNotificationConf> {
    const conf = await this.boot();
    if (conf.status === 'Accepted') await this.statusReport;
    return conf;
  }

  async dataTransfer(request: DataTransferReq): Promise<Payload> {
    return this.call('DataTransfer', request);
  }

  /** SecurityEventNotification (security whitepaper), stamped with its own clock. */
  async securityEvent(type: string, techInfo?: string): Promise<Payload> {
    return this.call('SecurityEventNotification', { type, timestamp: new Date().toISOString(), techInfo });
  }

  async heartbeat(): Promise<HeartbeatConf> {
    return (await this.call('Heartbeat', {})) as unknown as HeartbeatConf;
  }

  /** Offline, the status only changes here: the boot once back reports every connector's. */
  async statusNotification(connectorId: number, status: ChargePointStatus, errorCode: ChargePointErrorCode = 'NoError'): Promise<Payload> {
    const connector = this.connector(connectorId);
    connector.status = status;
    connector.errorCode = errorCode;
    if (!this.online) return {};
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
    const authorized = conf as unknown as AuthorizeConf;
    this.parentIdTags.set(idTag, authorized.idTagInfo.parentIdTag);
    this.authorizationCache.remember(idTag, authorized.idTagInfo);
    return authorized;
  }

  /**
   * A card's status decided without the central system, or undefined: ask it. Offline, a card on
   * the local list answers as listed (Expired past its expiryDate, OCPP 1.6 §3.4.1); otherwise the
   * cache and the offline rules decide.
   */
  authorizeLocally(idTag: string, now = new Date()): AuthorizationStatus | undefined {
    const listEnabled = this.configuration.get('LocalAuthListEnabled')?.value === 'true' && this.configuration.get('LocalAuthorizeOffline')?.value === 'true';
    const listed = !this.online && listEnabled ? this.localList.authorize(idTag, now) : undefined;
    return listed ?? this.authorizationCache.decideLocally(idTag, this.online);
  }

  /** ClearCache: the cards it knew are asked about again. */
  clearAuthorizationCache(): void {
    this.authorizationCache.clear();
  }

  /**
   * StartTransaction; the connector knows its transaction at once (whatever the tag's status),
   * offline by an id of its own until the central system answers once it is back. On a reserved
   * connector only the reserving tag, or one of its parent, starts (naming the reservation, which
   * ends); any other is refused here with ConnectorReservedError.
   */
  async startTransaction(connectorId: number, idTag: string, meterStart: number, timestamp = new Date()): Promise<StartTransactionConf> {
    const connector = this.connector(connectorId);
    const verdict = this.reservations.verdict(this.connectors, connectorId, idTag, this.parentIdTags.get(idTag));
    if (!verdict.allowed) throw new ConnectorReservedError(connectorId, verdict.reservation.id);
    const reservationId = verdict.uses?.id;
    if (reservationId !== undefined) this.reservations.remove(reservationId);
    const transaction = { id: --this.lastOwnId, idTag, meterStartWh: meterStart, startedAt: timestamp.getTime() };
    connector.transaction = transaction;
    connector.meterWh = Math.max(connector.meterWh, meterStart);
    const payload = { connectorId, idTag, meterStart, timestamp: timestamp.toISOString(), reservationId };
    let conf: Payload;
    try {
      const handedOut = (answer: Payload): void => {
        if (Number.isInteger(answer.transactionId)) transaction.id = answer.transactionId as number;
      };
      conf = await this.offlineQueue.call('StartTransaction', () => payload, this.online, handedOut);
    } catch (error) {
      if (connector.transaction === transaction) connector.transaction = undefined;
      throw error;
    }
    if (!Number.isInteger(conf.transactionId) || !hasIdTagInfo(conf)) {
      throw new CallFailedError('invalidResponse', 'StartTransaction', 'answer lacks transactionId or idTagInfo.status');
    }
    const started = conf as unknown as StartTransactionConf;
    this.installRemoteStartProfile(connectorId, started.transactionId);
    this.authorizationCache.remember(idTag, started.idTagInfo);
    return started;
  }

  /** StopTransaction; the connector forgets the transaction at once, before the answer. */
  async stopTransaction(transactionId: number, meterStop: number, idTag?: string, reason?: StopReason): Promise<StopTransactionConf> {
    const connectorId = this.connectorOfTransaction(transactionId);
    const idOf = this.handedOutId(connectorId, transactionId);
    if (connectorId !== undefined) {
      const connector = this.connector(connectorId);
      connector.transaction = undefined;
      connector.meterWh = Math.max(connector.meterWh, meterStop);
      this.profiles = withoutTransaction(this.profiles, transactionId);
    }
    const timestamp = new Date().toISOString();
    const payload = () => ({ transactionId: idOf(), meterStop, timestamp, idTag, reason });
    return (await this.offlineQueue.call('StopTransaction', payload, this.online)) as StopTransactionConf;
  }

  /**
   * MeterValues with the energy register (Energy.Active.Import.Register, Wh) and, when given and
   * MeterValuesSampledData lists it, the power drawn (Power.Active.Import, W); kept while offline
   * when of a transaction.
   */
  async meterValues(connectorId: number, wh: number, transactionId?: number, context: ReadingContext = 'Sample.Periodic', powerW?: number): Promise<Payload> {
    const connector = this.connector(connectorId);
    connector.meterWh = Math.max(connector.meterWh, wh);
    const sampledValue = [{ value: String(wh), context, measurand: 'Energy.Active.Import.Register', unit: 'Wh' }];
    if (powerW !== undefined && this.samples('Power.Active.Import')) sampledValue.push({ value: String(powerW), context, measurand: 'Power.Active.Import', unit: 'W' });
    const meterValue = [{ timestamp: new Date().toISOString(), sampledValue }];
    if (transactionId === undefined) return this.call('MeterValues', { connectorId, meterValue });
    const idOf = this.handedOutId(connectorId, transactionId);
    const payload = () => ({ connectorId, transactionId: idOf(), meterValue });
    return this.offlineQueue.call('MeterValues', payload, this.online);
  }

  /** MeterValues (context Trigger) of one connector, or of every connector. */
  async reportMeters(connectorId?: number): Promise<void> {
    const ids = connectorId ? [connectorId] : [...this.connectors.keys()].slice(1);
    for (const id of ids) await this.meterValues(id, this.meterOf(id), this.transactionOn(id), 'Trigger');
  }

  /** Whether a remote start on this connector waits for a vehicle's cable rather than starting at once. */
  waitsForCable(connectorId: number): boolean {
    return this.options.remoteStartWithoutVehicle === 'waitsForCable' && this.connectorStatus(connectorId) === 'Available';
  }

  /** A remote start with no vehicle yet: Preparing, until one plugs in or ConnectionTimeOut passes. */
  async awaitCable(connectorId: number, idTag: string): Promise<void> {
    const dueAt = Date.now() + integerSetting(this.configuration, 'ConnectionTimeOut') * 1000;
    this.connector(connectorId).awaitingCable = { idTag, dueAt };
    await this.statusNotification(connectorId, 'Preparing');
  }

  /** A vehicle plugs in (Preparing); a remote start waiting for it begins. */
  async plugIn(connectorId: number): Promise<void> {
    const awaited = this.connector(connectorId).awaitingCable;
    this.connector(connectorId).awaitingCable = undefined;
    if (awaited === undefined) await this.statusNotification(connectorId, 'Preparing');
    else if (await this.lockCable(connectorId)) await this.beginTransaction(connectorId, awaited.idTag);
  }

  /** Locks the cable before a transaction starts; one that does not lock is Faulted, ConnectorLockFailure (false). */
  async lockCable(connectorId: number): Promise<boolean> {
    if (this.cableLock !== 'lockFails') return true;
    await this.statusNotification(connectorId, 'Faulted', 'ConnectorLockFailure');
    return false;
  }

  /**
   * Preparing (unless already) → StartTransaction → Charging. A tag the central system refuses
   * ends the transaction at once when StopTransactionOnInvalidId is set, else suspends it; one
   * that ended before its start was answered (offline) is left as it ended.
   */
  async beginTransaction(connectorId: number, idTag: string): Promise<StartTransactionConf> {
    if (this.connectorStatus(connectorId) !== 'Preparing') await this.statusNotification(connectorId, 'Preparing');
    const started = await this.startTransaction(connectorId, idTag, this.meterOf(connectorId));
    if (this.transactionOn(connectorId) !== started.transactionId) return started;
    if (started.idTagInfo.status === 'Accepted') await this.statusNotification(connectorId, 'Charging');
    else if (booleanSetting(this.configuration, 'StopTransactionOnInvalidId')) await this.finishTransaction(connectorId, 'DeAuthorized');
    else await this.statusNotification(connectorId, 'SuspendedEVSE');
    return started;
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

  /**
   * Reset (or a restart after a firmware update): ends running transactions, drops the connection,
   * connects and boots again. A power loss drops the connection first; back, the wallbox boots,
   * then ends the transactions it was running with reason PowerLoss.
   */
  async reboot(reason: 'SoftReset' | 'HardReset' | 'Reboot' | 'PowerLoss'): Promise<void> {
    if (reason !== 'PowerLoss') for (const id of this.connectors.keys()) await this.finishTransaction(id, reason);
    await this.connection.close(1001);
    // Reservations outlive a reboot, as on a real wallbox.
    this.connectors.forEach((connector, id) => {
      if (!connector.transaction) connector.status = id > 0 && this.reservations.onConnector(id) ? 'Reserved' : restingStatus(connector);
    });
    await this.connect();
    await this.bootAndReport();
    for (const id of this.connectors.keys()) await this.finishTransaction(id, 'PowerLoss');
  }

  /**
   * ChangeConfiguration AuthorizationKey accepted (whitepaper §3.3): the wallbox connects again
   * with the new password. Its transactions go on; only the connection is renewed. The central
   * system records the password once it has the answer, which may be after the wallbox is back:
   * a refused handshake is tried again, as a wallbox does.
   */
  async reconnectWithPassword(password: Buffer): Promise<void> {
    this.password = password;
    this.connection.usePassword(password);
    await this.connection.close(1000);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.connect();
      } catch (error) {
        if (!(error instanceof HandshakeRefusedError) || attempt === PASSWORD_RECONNECT_ATTEMPTS) throw error;
        await delay(250 * attempt);
      }
    }
  }

  /** The security profile it runs now (ChangeConfiguration SecurityProfile raises it). */
  get securityProfile(): number {
    return this.profile;
  }

  /** Why it cannot be raised to `requested`, or null when it can (see securityProfileProblem). */
  securityProfileProblem(requested: number): string | null {
    return securityProfileProblem({ ...this.options, profile: this.profile, password: this.password, tls: this.clientTls() }, requested);
  }

  /** The TLS it connects with: as configured, with the certificate CertificateSigned installed as its client certificate. */
  private clientTls(): ClientTls | undefined {
    const own = this.certificates.chargePointCertificate;
    return own ? { ...this.options.tls, cert: own.certPem, key: own.keyPem } : this.options.tls;
  }

  /**
   * ChangeConfiguration SecurityProfile accepted (whitepaper §2.4, TC_083): the wallbox connects
   * again under the new profile — over `wss://` from profile 2 on. Its transactions go on.
   */
  async reconnectWithProfile(profile: number): Promise<void> {
    this.profile = profile;
    this.connection.useEndpoint(endpointFor({ ...this.options, profile }, profile));
    this.connection.useTls(this.clientTls());
    await this.connection.close(1000);
    await this.connect();
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
    this.connectors.forEach((connector, id) => {
      if (connector.awaitingCable === undefined || now < connector.awaitingCable.dueAt) return;
      connector.awaitingCable = undefined;
      this.unplug(id).then(undefined, this.warn);
    });
    for (const reservation of this.reservations.expired(now)) {
      this.reservations.remove(reservation.id);
      this.released(reservation).then(undefined, this.warn);
    }
  }

  /** A reservation ended unused: its connector, if still Reserved, is available again. */
  private async released(reservation: Reservation): Promise<void> {
    const { connectorId } = reservation;
    if (connectorId > 0 && this.connectorStatus(connectorId) === 'Reserved') {
      await this.statusNotification(connectorId, restingStatus(this.connector(connectorId)));
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
    this.statusReport = this.reportStatuses().then(() => this.afterBoot());
    this.statusReport.then(undefined, this.warn);
  }

  /** What it sends once accepted and its statuses are reported: what it kept while offline, then its DataTransfer and security event. */
  private async afterBoot(): Promise<void> {
    await this.offlineQueue.flush(() => this.online);
    if (this.options.dataTransferOnBoot) await this.dataTransfer(this.options.dataTransferOnBoot);
    if (this.options.securityEventOnBoot) await this.securityEvent(this.options.securityEventOnBoot);
  }

  /**
   * The id of a transaction as it is when a message about it is sent: one started offline takes the
   * central system's id once its queued start is answered, before the messages queued after it go.
   */
  private handedOutId(connectorId: number | undefined, transactionId: number): () => number {
    const running = connectorId === undefined ? undefined : this.connectors[connectorId]?.transaction;
    return running?.id === transactionId ? () => running.id : () => transactionId;
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
