import type { AuthorizationStatus } from './authorization-cache';
import { OcppError, type Payload } from './framing';

/** How the wallbox plays Local Auth List Management: `supported`, or always answering Failed or NotSupported. */
export const LOCAL_LIST_MODES = ['supported', 'failing', 'unsupported'] as const;
export type LocalListMode = (typeof LOCAL_LIST_MODES)[number];

export interface LocalIdTagInfo {
  status: AuthorizationStatus;
  expiryDate?: string;
  parentIdTag?: string;
}

type UpdateStatus = 'Accepted' | 'Failed' | 'NotSupported' | 'VersionMismatch';

/**
 * The wallbox's versioned local authorization list (OCPP 1.6 §3.4.1, §5.15): what it authorizes
 * from while the central system is unreachable.
 */
export class LocalAuthList {
  /** 0: no list received yet (or a Full list of version 0). */
  private version = 0;
  private readonly entries = new Map<string, LocalIdTagInfo>();

  constructor(readonly mode: LocalListMode, readonly maxLength: number) {}

  /** GetLocalListVersion: 0 for an empty list, -1 when not supported (OCPP 1.6 §5.11). */
  get listVersion(): number {
    if (this.mode === 'unsupported') return -1;
    return this.entries.size === 0 ? 0 : this.version;
  }

  get size(): number {
    return this.entries.size;
  }

  entry(idTag: string): LocalIdTagInfo | undefined {
    return this.entries.get(idTag);
  }

  /**
   * SendLocalList. A Differential is a difference to the list held: VersionMismatch when the wallbox
   * holds no list to apply it to, or when it is older than the version held; a Full list replaces it.
   */
  update(payload: Payload): UpdateStatus {
    const listVersion = payload.listVersion;
    const updateType = payload.updateType;
    const list = payload.localAuthorizationList ?? [];
    if (!Number.isInteger(listVersion)) throw new OcppError('TypeConstraintViolation', 'listVersion must be an integer');
    if (updateType !== 'Full' && updateType !== 'Differential') throw new OcppError('PropertyConstraintViolation', 'updateType must be Full or Differential');
    if (!Array.isArray(list)) throw new OcppError('TypeConstraintViolation', 'localAuthorizationList must be a list');
    if (this.mode === 'unsupported') return 'NotSupported';
    if (this.mode === 'failing' || list.length > this.maxLength) return 'Failed';
    if (updateType === 'Differential' && (this.version === 0 || (listVersion as number) < this.version)) return 'VersionMismatch';
    if (updateType === 'Full') this.entries.clear();
    for (const item of list as Payload[]) this.apply(item);
    this.version = listVersion as number;
    return 'Accepted';
  }

  /** What the wallbox answers offline for a tag: its entry's status, Expired once expiryDate passed; undefined when not listed. */
  authorize(idTag: string, now: Date): AuthorizationStatus | undefined {
    const info = this.entries.get(idTag);
    if (!info) return undefined;
    if (info.status === 'Accepted' && info.expiryDate !== undefined && Date.parse(info.expiryDate) <= now.getTime()) return 'Expired';
    return info.status;
  }

  private apply(item: Payload): void {
    if (typeof item.idTag !== 'string') throw new OcppError('TypeConstraintViolation', 'idTag must be a string');
    const info = item.idTagInfo as LocalIdTagInfo | undefined;
    if (info === undefined) this.entries.delete(item.idTag);
    else this.entries.set(item.idTag, info);
  }
}
