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

describe('GATEWAY_DRAIN_SECONDS and NATS_REPLICAS: running on a platform', () => {
  it('close all connections at once and keep one copy of every stream by default', () => {
    expect(loadConfig({})).toMatchObject({ gatewayDrainSeconds: 0, natsReplicas: 1 });
  });

  it('take the values set, and refuse ones they cannot use, naming the variable', () => {
    expect(loadConfig({ GATEWAY_DRAIN_SECONDS: '30', NATS_REPLICAS: '3' })).toMatchObject({ gatewayDrainSeconds: 30, natsReplicas: 3 });
    expect(() => loadConfig({ GATEWAY_DRAIN_SECONDS: '-1' })).toThrow('GATEWAY_DRAIN_SECONDS must be an integer from 0 to 3600, got "-1"');
    expect(() => loadConfig({ NATS_REPLICAS: '7' })).toThrow('NATS_REPLICAS must be an integer from 1 to 5, got "7"');
  });
});
