/**
 * The API token lives in sessionStorage: it survives a reload, is gone when the tab closes, and never
 * appears in a URL (where it would end up in the history, in logs and in Referer headers).
 */
const KEY = 'voltstream.apiToken';

export const storedToken = (): string | null => sessionStorage.getItem(KEY);
export const storeToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(KEY);

export type TokenCheck = 'accepted' | 'refused' | 'unreachable';

/** Asks the API for the smallest page of the fleet with the token: 401 means the token is wrong. */
export async function checkToken(token: string): Promise<TokenCheck> {
  try {
    const response = await fetch('/api/fleet?limit=1', { headers: { authorization: `Bearer ${token}` } });
    if (response.status === 401) return 'refused';
    return response.ok ? 'accepted' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}
