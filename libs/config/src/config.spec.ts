import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('GATEWAY_LEASE_TTL: how long a gateway pod\'s lease lives unrenewed', () => {
  it('is half a minute by default, and never longer than a heartbeat interval, nor shorter than 3 s', () => {
    expect(loadConfig({}).gatewayLeaseTtl).toBe(30);
    expect(loadConfig({ HEARTBEAT_INTERVAL: '10' }).gatewayLeaseTtl).toBe(10);
    expect(loadConfig({ HEARTBEAT_INTERVAL: '1' }).gatewayLeaseTtl).toBe(3);
  });

  it('takes a value set, and refuses one it cannot use, naming the variable', () => {
    expect(loadConfig({ GATEWAY_LEASE_TTL: '5' }).gatewayLeaseTtl).toBe(5);
    expect(() => loadConfig({ GATEWAY_LEASE_TTL: '2' })).toThrow(ConfigError);
    expect(() => loadConfig({ GATEWAY_LEASE_TTL: 'soon' })).toThrow('GATEWAY_LEASE_TTL must be an integer from 3 to 86400, got "soon"');
  });
});
