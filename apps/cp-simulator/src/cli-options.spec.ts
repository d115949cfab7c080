import { describe, expect, it } from 'vitest';
import { CliError, parseCliOptions } from './cli-options';

describe('cp-simulator options', () => {
  it('reads a full command line', () => {
    const options = parseCliOptions([
      '--url', 'ws://127.0.0.1:9000/ocpp', '--count', '10', '--connectors', '3', '--prefix', 'SIM-', '--password', 'pw',
      '--local-address', '127.0.0.2', '--local-address', '127.0.0.3', '--charge', '--duration', '60', '--meter-interval', '2', '--no-reservations',
    ]);
    expect(options).toEqual({
      url: 'ws://127.0.0.1:9000/ocpp',
      count: 10,
      connectors: 3,
      prefix: 'SIM-',
      password: 'pw',
      securityProfile: 0,
      secureUrl: undefined,
      tls: { ca: undefined, cert: undefined, key: undefined },
      concurrency: 50,
      localAddresses: ['127.0.0.2', '127.0.0.3'],
      duration: 60,
      charge: { sessionsPerSecond: 1, meterIntervalMs: 2000, samples: 6, idTag: 'SIM-TAG' },
      reservations: false,
      firmwareVersion: undefined,
      firmwareFailures: { download: false, installation: false, upload: false },
      localList: 'supported',
      localListMaxLength: 100,
      wallbox: { dataTransferVendors: undefined, dataTransferOnBoot: undefined, securityEventOnBoot: undefined, cableLock: undefined, remoteStartWithoutVehicle: undefined },
    });
  });

  it('reads the security profile and its TLS files', () => {
    const options = parseCliOptions(['--url', 'wss://csms/ocpp', '--security-profile', '3', '--ca', 'ca.pem', '--cert', 'cp.pem', '--key', 'cp.key']);
    expect(options).toMatchObject({ securityProfile: 3, tls: { ca: 'ca.pem', cert: 'cp.pem', key: 'cp.key' } });
  });

  it('reads the wss:// URL a raised security profile moves to (TC_083), and refuses one that is not wss://', () => {
    const args = ['--url', 'ws://csms/ocpp', '--security-profile', '1', '--password', 'pw', '--ca', 'ca.pem'];
    expect(parseCliOptions([...args, '--secure-url', 'wss://csms:9443/ocpp'])).toMatchObject({ securityProfile: 1, secureUrl: 'wss://csms:9443/ocpp' });
    expect(() => parseCliOptions([...args, '--secure-url', 'ws://csms/ocpp'])).toThrow(new CliError('--secure-url must be a wss:// URL'));
  });

  it.each([
    [['--url', 'ws://csms/ocpp', '--security-profile', '2', '--password', 'pw'], '--security-profile 2 needs a wss:// --url'],
    [['--url', 'wss://csms/ocpp', '--security-profile', '2'], '--security-profile 2 needs --password'],
    [['--url', 'ws://csms/ocpp', '--security-profile', '1'], '--security-profile 1 needs --password'],
    [['--url', 'wss://csms/ocpp', '--security-profile', '3', '--cert', 'cp.pem'], '--security-profile 3 needs --cert and --key'],
    [['--url', 'wss://csms/ocpp', '--security-profile', '4'], '--security-profile must be 0, 1, 2 or 3, got 4'],
  ])('refuses a security profile without what it needs: %j', (args, message) => {
    expect(() => parseCliOptions(args)).toThrow(message);
  });

  it('reads how every wallbox plays DataTransfer and its cable lock', () => {
    const options = parseCliOptions([
      '--url', 'ws://h/ocpp', '--data-transfer-vendor', 'com.acme', '--data-transfer-vendor', 'org.other',
      '--send-data-transfer', 'com.acme:hello:a:b', '--cable-lock', 'fixedCable', '--remote-start-waits-for-cable',
      '--send-security-event', 'StartupOfTheDevice',
    ]);
    expect(options.wallbox).toEqual({
      dataTransferVendors: ['com.acme', 'org.other'],
      dataTransferOnBoot: { vendorId: 'com.acme', messageId: 'hello', data: 'a:b' },
      securityEventOnBoot: 'StartupOfTheDevice',
      cableLock: 'fixedCable',
      remoteStartWithoutVehicle: 'waitsForCable',
    });
    expect(parseCliOptions(['--url', 'ws://h/ocpp', '--send-data-transfer', 'com.acme']).wallbox.dataTransferOnBoot).toEqual({ vendorId: 'com.acme' });
    expect(() => parseCliOptions(['--url', 'ws://h/ocpp', '--cable-lock', 'glued'])).toThrow('--cable-lock must be one of works, fixedCable, lockFails, unlockFails, got "glued"');
    expect(() => parseCliOptions(['--url', 'ws://h/ocpp', '--send-data-transfer', ':x'])).toThrow(CliError);
  });

  it('reads the firmware version and the Firmware Management steps to fail', () => {
    const options = parseCliOptions(['--url', 'ws://h/ocpp', '--firmware-version', '1.4.2', '--fail-firmware-installation', '--fail-diagnostics-upload']);
    expect(options).toMatchObject({ firmwareVersion: '1.4.2', firmwareFailures: { download: false, installation: true, upload: true } });
  });

  it('plays Local Auth List Management as asked: a max length, Failed or NotSupported answers', () => {
    expect(parseCliOptions(['--url', 'ws://h/ocpp', '--local-list', 'unsupported', '--local-list-max-length', '5'])).toMatchObject({ localList: 'unsupported', localListMaxLength: 5 });
    expect(() => parseCliOptions(['--url', 'ws://h/ocpp', '--local-list', 'sometimes'])).toThrow('--local-list must be one of supported, failing, unsupported, got "sometimes"');
    expect(() => parseCliOptions(['--url', 'ws://h/ocpp', '--local-list-max-length', '0'])).toThrow(CliError);
  });

  it('defaults to one wallbox with two connectors, running until stopped, not charging', () => {
    expect(parseCliOptions(['--url', 'ws://localhost:9000/ocpp'])).toMatchObject({ count: 1, connectors: 2, duration: undefined, charge: undefined, reservations: true });
  });

  it('refuses a missing URL and counts that are not positive integers', () => {
    expect(() => parseCliOptions(['--count', '3'])).toThrow(CliError);
    expect(() => parseCliOptions(['--url', 'ws://h/ocpp', '--count', '0'])).toThrow('--count must be an integer of at least 1, got "0"');
    expect(() => parseCliOptions(['--url', 'ws://h/ocpp', '--connectors', '1.5'])).toThrow(CliError);
  });
});
