/** A reported status and the request it belongs to: the payload of LogStatusNotification or SignedFirmwareStatusNotification. */
export interface ProcedureReport {
  status: string;
  requestId?: number;
}

/**
 * Where a log upload (GetLog) or a signed firmware update stands, for ExtendedTriggerMessage
 * (whitepaper §4.3): the status last reported with its requestId while it runs, Idle once it ended.
 */
export class ProcedureStatus {
  private current: ProcedureReport | undefined;

  constructor(private readonly endings: readonly string[]) {}

  /** Notes a status as it is reported; an ending one leaves the wallbox idle. */
  note(status: string, requestId: number): ProcedureReport {
    const report = { status, requestId };
    this.current = this.endings.includes(status) ? undefined : report;
    return report;
  }

  get report(): ProcedureReport {
    return this.current ?? { status: 'Idle' };
  }
}

export const logUploadStatus = () => new ProcedureStatus(['Uploaded', 'UploadFailure', 'BadMessage', 'NotSupportedOperation', 'PermissionDenied']);

export const signedFirmwareStatus = () =>
  new ProcedureStatus(['Installed', 'DownloadFailed', 'InvalidSignature', 'InstallationFailed', 'InstallVerificationFailed', 'InvalidCertificate', 'RevokedCertificate']);
