import { describe, expect, it } from 'vitest';
import { ConfigError, gatewayBaseUrl, loadConfig, logFormatOf } from './config';

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

describe('the gateway ports and TLS files (SPEC §10)', () => {
  const tls = { TLS_CERT_FILE: '/tls/rsa.crt, /tls/ecdsa.crt', TLS_KEY_FILE: '/tls/rsa.key,/tls/ecdsa.key' };

  it('serves ws:// on 9000 alone without TLS files, and wss:// on 9443 beside it with them', () => {
    expect(loadConfig({})).toMatchObject({ gatewayPort: 9000, gatewayTlsPort: null, tls: undefined });
    expect(loadConfig({ ...tls, TLS_CLIENT_CA_FILE: '/tls/ca.crt' })).toMatchObject({
      gatewayPort: 9000,
      gatewayTlsPort: 9443,
      tls: { certFiles: ['/tls/rsa.crt', '/tls/ecdsa.crt'], keyFiles: ['/tls/rsa.key', '/tls/ecdsa.key'], clientCaFile: '/tls/ca.crt' },
    });
  });

  it('turns either port off, never both', () => {
    expect(loadConfig({ ...tls, GATEWAY_PORT: 'off' })).toMatchObject({ gatewayPort: null, gatewayTlsPort: 9443 });
    expect(loadConfig({ ...tls, GATEWAY_TLS_PORT: 'OFF' })).toMatchObject({ gatewayPort: 9000, gatewayTlsPort: null });
    expect(() => loadConfig({ GATEWAY_PORT: 'off' })).toThrow('GATEWAY_PORT/GATEWAY_TLS_PORT cannot both be off');
  });

  it('refuses certificates without as many keys, a TLS port or client CA without certificates', () => {
    expect(() => loadConfig({ TLS_CERT_FILE: '/a.crt,/b.crt', TLS_KEY_FILE: '/a.key' })).toThrow(ConfigError);
    expect(() => loadConfig({ GATEWAY_TLS_PORT: '9443' })).toThrow('GATEWAY_TLS_PORT needs TLS_CERT_FILE and TLS_KEY_FILE');
    expect(() => loadConfig({ TLS_CLIENT_CA_FILE: '/ca.crt' })).toThrow('TLS_CLIENT_CA_FILE needs TLS_CERT_FILE and TLS_KEY_FILE');
  });

  it('gives a wallbox the wss:// URL when TLS is served, else ws://', () => {
    expect(gatewayBaseUrl(loadConfig({ ...tls }), 'csms.local')).toBe('wss://csms.local:9443');
    expect(gatewayBaseUrl(loadConfig({}), 'csms.local')).toBe('ws://csms.local:9000');
  });
});

describe('LOG_LEVEL and LOG_FORMAT: one table for every service', () => {
  it('writes info and above by default, and takes every level of the table', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']) expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
  });

  it('refuses a level of another table at start-up, naming the variable and the levels it takes', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'log' })).toThrow('Invalid configuration: LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "log"');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
  });

  it('writes JSON lines or readable ones as LOG_FORMAT says, and refuses another format', () => {
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'text' })).toThrow('LOG_FORMAT must be one of json, pretty, got "text"');
  });

  it('reads LOG_FORMAT as far as it can for the line that reports a bad configuration: the default when it is bad too', () => {
    expect(logFormatOf({ LOG_FORMAT: 'pretty' })).toBe('pretty');
    expect(logFormatOf({ LOG_FORMAT: 'json', LOG_LEVEL: 'verbose' })).toBe('json');
    expect(logFormatOf({ LOG_FORMAT: 'text' })).toBe(loadConfig({}).logFormat);
  });
});

describe('GATEWAY_METRICS: what the gateway counts', () => {
  it('is on unless set off, and refuses anything else, naming the variable', () => {
    expect(loadConfig({}).gatewayMetrics).toBe(true);
    expect(loadConfig({ GATEWAY_METRICS: 'off' }).gatewayMetrics).toBe(false);
    expect(() => loadConfig({ GATEWAY_METRICS: 'no' })).toThrow('GATEWAY_METRICS must be one of on, off, got "no"');
  });
});
