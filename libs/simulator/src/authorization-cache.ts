import { booleanSetting, type Configuration } from './configuration';
import type { IdTagInfo } from './ocpp-types';

export type AuthorizationStatus = IdTagInfo['status'];

/**
 * The wallbox's Authorization Cache (OCPP 1.6 §3.5.1): the last answer the central system gave
 * for each card, kept while AuthorizationCacheEnabled, emptied by ClearCache.
 */
export class AuthorizationCache {
  private readonly statuses = new Map<string, AuthorizationStatus>();

  constructor(private readonly configuration: Configuration) {}

  remember(idTag: string, info: IdTagInfo): void {
    if (booleanSetting(this.configuration, 'AuthorizationCacheEnabled')) this.statuses.set(idTag, info.status);
  }

  clear(): void {
    this.statuses.clear();
  }

  /**
   * A card's status decided without asking the central system, or undefined: ask it. Online, a
   * card cached Accepted starts at once when LocalPreAuthorize is set; offline, the cache answers
   * when LocalAuthorizeOffline is set, and an unknown card is Accepted only when
   * AllowOfflineTxForUnknownId is (OCPP 1.6 §3.5, §9.1).
   */
  decideLocally(idTag: string, online: boolean): AuthorizationStatus | undefined {
    const setting = (key: string): boolean => booleanSetting(this.configuration, key);
    const cached = setting('AuthorizationCacheEnabled') ? this.statuses.get(idTag) : undefined;
    if (online) return setting('LocalPreAuthorize') && cached === 'Accepted' ? 'Accepted' : undefined;
    if (cached !== undefined && setting('LocalAuthorizeOffline')) return cached;
    return setting('AllowOfflineTxForUnknownId') ? 'Accepted' : 'Invalid';
  }
}
