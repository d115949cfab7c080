import { describe, expect, it } from 'vitest';
import { endpointFor, securityProfileProblem } from './security-profile';

const tls = { ca: 'CA PEM' };

describe('ChangeConfiguration SecurityProfile as a wallbox judges it (TC_083)', () => {
  it('accepts only a higher profile it has the credentials for', () => {
    const atProfile1 = { profile: 1, url: 'ws://csms/ocpp', secureUrl: 'wss://csms/ocpp', password: 'pw', tls };
    expect(securityProfileProblem(atProfile1, 2)).toBeNull();
    expect(securityProfileProblem(atProfile1, 1)).toBe('only upward from 1');
    expect(securityProfileProblem(atProfile1, 0)).toBe('only upward from 1');
    expect(securityProfileProblem(atProfile1, 3)).toBe('no client certificate');
    expect(securityProfileProblem({ ...atProfile1, tls: { ...tls, cert: 'C', key: 'K' } }, 3)).toBeNull();
    expect(securityProfileProblem(atProfile1, Number.NaN)).toBe('not a security profile');
    expect(securityProfileProblem(atProfile1, 4)).toBe('not a security profile');
  });

  it('rejects profile 2 without a wss:// URL or a CA to trust, and 1 without a password', () => {
    expect(securityProfileProblem({ profile: 1, url: 'ws://csms/ocpp', password: 'pw', tls }, 2)).toBe('no wss:// URL or CA to trust');
    expect(securityProfileProblem({ profile: 1, url: 'wss://csms/ocpp', password: 'pw' }, 2)).toBe('no wss:// URL or CA to trust');
    expect(securityProfileProblem({ profile: 0, url: 'ws://csms/ocpp' }, 1)).toBe('no password');
  });

  it('moves to the wss:// URL from profile 2 on, and stays on a URL that is wss:// already', () => {
    const credentials = { profile: 1, url: 'ws://csms/ocpp', secureUrl: 'wss://csms:9443/ocpp' };
    expect(endpointFor(credentials, 1)).toBe('ws://csms/ocpp');
    expect(endpointFor(credentials, 2)).toBe('wss://csms:9443/ocpp');
    expect(endpointFor({ profile: 2, url: 'wss://csms/ocpp' }, 3)).toBe('wss://csms/ocpp');
  });
});
