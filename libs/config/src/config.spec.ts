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

describe('Firmware Management: where wallboxes reach the API, and how large a file may be', () => {
  it('PUBLIC_API_URL is an http(s) URL without its trailing slash; unset, the request tells', () => {
    expect(loadConfig({}).publicApiUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_API_URL: 'https://csms.example.com/' }).publicApiUrl).toBe('https://csms.example.com');
    expect(() => loadConfig({ PUBLIC_API_URL: 'ftp://csms.example.com' })).toThrow('PUBLIC_API_URL must be an http:// or https:// URL, got "ftp://csms.example.com"');
  });

  it('DIAGNOSTICS_MAX_BYTES and FIRMWARE_IMAGE_MAX_BYTES: 20 and 100 MiB by default, at most 1 GiB', () => {
    expect(loadConfig({})).toMatchObject({ diagnosticsMaxBytes: 20 * 1024 * 1024, firmwareImageMaxBytes: 100 * 1024 * 1024 });
    expect(loadConfig({ DIAGNOSTICS_MAX_BYTES: '1000', FIRMWARE_IMAGE_MAX_BYTES: '2000' })).toMatchObject({ diagnosticsMaxBytes: 1000, firmwareImageMaxBytes: 2000 });
    expect(() => loadConfig({ DIAGNOSTICS_MAX_BYTES: '0' })).toThrow('DIAGNOSTICS_MAX_BYTES must be an integer from 1 to 1073741824, got "0"');
  });
});
