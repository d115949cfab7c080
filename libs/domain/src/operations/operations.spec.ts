import { describe, expect, it } from 'vitest';
import type { ChargePointSettings } from '@voltstream/contracts';
import { tagEntry } from '@voltstream/testing';
import {
  decideChargePointForget,
  decideChargePointUpdate,
  decidePasswordChange,
  decideSecurityProfileRaise,
  decideLocalTagRemove,
  decideLocalTagSave,
  decideTagRemove,
  decideTagSave,
  interpretCommandReply,
  toWallboxCommand,
  type ChargePointRecord,
} from './index';

const at = new Date('2026-02-01T10:00:00Z');
const discovered: ChargePointRecord = { known: true, settings: null };
const unknown: ChargePointRecord = { known: false, settings: null };
const settings: ChargePointSettings = {
  startMode: 'localList',
  relaxations: ['acceptNumericStrings'],
  autoStartIdTag: null,
  passwordHash: 'scrypt$hash',
  description: 'Garage',
};
const adopted: ChargePointRecord = { known: true, settings };
const tag = tagEntry('CARD1');
const update = (changes: object) => ({ identity: 'CP1', changes, defaultStartMode: 'centralList' as const, at });

describe('decideChargePointUpdate', () => {
  it('given a discovered charge point, when it is put, then it is adopted with defaults for absent fields', () => {
    expect(decideChargePointUpdate(update({ description: 'Carport' }), discovered)).toEqual({
      ok: true,
      events: [
        {
          type: 'ChargePointAdopted',
          version: 1,
          data: { startMode: 'centralList', relaxations: [], autoStartIdTag: null, passwordHash: null, description: 'Carport', acceptedDataTransferVendors: [], securityProfile: 0 },
          metadata: { chargePoint: 'CP1', recordedAt: at.toISOString() },
        },
      ],
    });
  });

  it('given a never-seen identity, when it is put, then it is adopted ahead of its first connection', () => {
    const decision = decideChargePointUpdate(update({}), unknown);
    expect(decision.ok && decision.events.map((event) => event.type)).toEqual(['ChargePointAdopted']);
  });

  it('given an adopted charge point, when fields change, then the others and the password hash are kept', () => {
    const decision = decideChargePointUpdate(update({ startMode: 'anyTag', description: null }), adopted);
    expect(decision).toMatchObject({
      ok: true,
      events: [
        {
          type: 'ChargePointSettingsChanged',
          data: { ...settings, startMode: 'anyTag', description: null },
        },
      ],
    });
  });

  it('given an adopted charge point, when the password is set to null, then it is cleared', () => {
    const decision = decideChargePointUpdate(update({ passwordHash: null }), adopted);
    expect(decision).toMatchObject({ ok: true, events: [{ data: { passwordHash: null } }] });
  });

  it('given an adopted charge point with a password, when its security profile is raised to 2, then the change is recorded', () => {
    const withPassword = { known: true, settings: { ...settings, passwordHash: 'scrypt$hash' } };
    expect(decideChargePointUpdate(update({ securityProfile: 2 }), withPassword)).toMatchObject({
      ok: true,
      events: [{ type: 'ChargePointSettingsChanged', data: { securityProfile: 2, passwordHash: 'scrypt$hash' } }],
    });
  });

  it.each([1, 2] as const)('given no password, when security profile %i is set, then it is refused: that profile authenticates with Basic auth', (securityProfile) => {
    expect(decideChargePointUpdate(update({ securityProfile, passwordHash: null }), adopted)).toEqual({
      ok: false,
      failure: { kind: 'invalid', message: `securityProfile ${securityProfile} needs a password (HTTP Basic authentication)` },
    });
  });

  it('given no password, when security profile 3 is set, then it is recorded: the client certificate authenticates', () => {
    expect(decideChargePointUpdate(update({ securityProfile: 3, passwordHash: null }), adopted)).toMatchObject({
      ok: true,
      events: [{ data: { securityProfile: 3, passwordHash: null } }],
    });
  });

  it('given settings stored before security profiles, when nothing changes, then no event is appended (absent means 0)', () => {
    expect(decideChargePointUpdate(update({ securityProfile: 0 }), adopted)).toEqual({ ok: true, events: [] });
  });

  it('given an adopted charge point, when the wallbox accepted a new password, then PasswordChanged keeps the previous hash', () => {
    expect(decidePasswordChange({ identity: 'CP1', passwordHash: 'scrypt$new', at }, adopted)).toMatchObject({
      ok: true,
      events: [{ type: 'PasswordChanged', data: { passwordHash: 'scrypt$new', previousPasswordHash: 'scrypt$hash' } }],
    });
  });

  it('given a charge point that is not adopted, when a password change is recorded, then it is refused', () => {
    expect(decidePasswordChange({ identity: 'CP1', passwordHash: 'scrypt$new', at }, discovered)).toMatchObject({ ok: false, failure: { kind: 'notFound' } });
  });

  it('TC_083: given a profile 1 charge point with a password, when the wallbox accepted profile 2, then it is recorded with the other settings kept', () => {
    const profile1: ChargePointRecord = { known: true, settings: { ...settings, securityProfile: 1 } };
    expect(decideSecurityProfileRaise({ identity: 'CP1', securityProfile: 2, at }, profile1)).toMatchObject({
      ok: true,
      events: [{ type: 'ChargePointSettingsChanged', data: { ...settings, securityProfile: 2 } }],
    });
  });

  it('TC_083: a security profile is only raised, 1 and 2 only with a password, and only of an adopted charge point', () => {
    const profile2: ChargePointRecord = { known: true, settings: { ...settings, securityProfile: 2 } };
    const raise = (securityProfile: 1 | 2 | 3, current: ChargePointRecord) => decideSecurityProfileRaise({ identity: 'CP1', securityProfile, at }, current);
    expect(raise(2, profile2)).toMatchObject({ ok: false, failure: { kind: 'conflict', message: 'securityProfile can only be raised: it is 2, 2 is not higher' } });
    expect(raise(1, profile2)).toMatchObject({ ok: false, failure: { kind: 'conflict' } });
    const withoutPassword: ChargePointRecord = { known: true, settings: { ...settings, passwordHash: null, securityProfile: 0 } };
    expect(raise(1, withoutPassword)).toMatchObject({ ok: false, failure: { kind: 'invalid', message: 'securityProfile 1 needs a password (HTTP Basic authentication)' } });
    expect(raise(3, withoutPassword)).toMatchObject({ ok: true, events: [{ data: { securityProfile: 3 } }] });
    expect(raise(2, discovered)).toMatchObject({ ok: false, failure: { kind: 'notFound' } });
  });

  it('given an adopted charge point, when nothing changes, then no event is appended', () => {
    const same = update({ startMode: 'localList', relaxations: ['acceptNumericStrings', 'acceptNumericStrings'] });
    expect(decideChargePointUpdate(same, adopted)).toEqual({ ok: true, events: [] });
  });

  it('given settings recorded before the DataTransfer vendors existed, when the vendors are set, then they are kept sorted and once; the same again appends nothing', () => {
    const decision = decideChargePointUpdate(update({ acceptedDataTransferVendors: ['org.b', 'com.a', 'org.b'] }), adopted);
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'ChargePointSettingsChanged', data: { ...settings, acceptedDataTransferVendors: ['com.a', 'org.b'] } }] });
    const after: ChargePointRecord = { known: true, settings: { ...settings, acceptedDataTransferVendors: ['com.a', 'org.b'] } };
    expect(decideChargePointUpdate(update({ acceptedDataTransferVendors: ['org.b', 'com.a'] }), after)).toEqual({ ok: true, events: [] });
    expect(decideChargePointUpdate(update({ acceptedDataTransferVendors: [] }), adopted)).toEqual({ ok: true, events: [] });
  });

  it('refuses start mode auto without an autoStartIdTag', () => {
    expect(decideChargePointUpdate(update({ startMode: 'auto' }), adopted)).toEqual({
      ok: false,
      failure: { kind: 'invalid', message: 'autoStartIdTag is required when startMode is auto' },
    });
    const decision = decideChargePointUpdate(update({ startMode: 'auto', autoStartIdTag: 'AUTO' }), adopted);
    expect(decision.ok).toBe(true);
  });
});

describe('decideChargePointForget', () => {
  it('forgets adopted and discovered charge points, and not unknown ones', () => {
    const forget = { identity: 'CP1', at };
    expect(decideChargePointForget(forget, adopted)).toMatchObject({ ok: true, events: [{ type: 'ChargePointForgotten', data: {} }] });
    expect(decideChargePointForget(forget, discovered)).toMatchObject({ ok: true, events: [{ type: 'ChargePointForgotten' }] });
    expect(decideChargePointForget(forget, unknown)).toMatchObject({ ok: false, failure: { kind: 'notFound' } });
  });
});

describe('tag decisions', () => {
  it('saves a central tag, and saving it unchanged appends nothing', () => {
    expect(decideTagSave({ tag, at }, null)).toMatchObject({
      ok: true,
      events: [{ type: 'TagSaved', data: { tag }, metadata: { chargePoint: null } }],
    });
    expect(decideTagSave({ tag, at }, { ...tag })).toEqual({ ok: true, events: [] });
    expect(decideTagSave({ tag: { ...tag, blocked: true }, at }, tag)).toMatchObject({ ok: true, events: [{ type: 'TagSaved' }] });
  });

  it('removes only a tag that exists', () => {
    expect(decideTagRemove({ idTag: 'CARD1', at }, tag)).toMatchObject({
      ok: true,
      events: [{ type: 'TagRemoved', data: { idTag: 'CARD1' } }],
    });
    expect(decideTagRemove({ idTag: 'CARD1', at }, null)).toMatchObject({ ok: false, failure: { kind: 'notFound' } });
  });

  it('keeps a local list only for an adopted charge point', () => {
    const save = { identity: 'CP1', tag, at };
    expect(decideLocalTagSave(save, { chargePoint: adopted, tag: null })).toMatchObject({
      ok: true,
      events: [{ type: 'LocalTagSaved', metadata: { chargePoint: 'CP1' } }],
    });
    expect(decideLocalTagSave(save, { chargePoint: discovered, tag: null })).toMatchObject({ ok: false, failure: { kind: 'conflict' } });
    expect(decideLocalTagSave(save, { chargePoint: unknown, tag: null })).toMatchObject({ ok: false, failure: { kind: 'notFound' } });
  });

  it('removes a local tag that exists, on a charge point that exists', () => {
    const remove = { identity: 'CP1', idTag: 'CARD1', at };
    expect(decideLocalTagRemove(remove, { chargePoint: adopted, tag })).toMatchObject({ ok: true, events: [{ type: 'LocalTagRemoved' }] });
    expect(decideLocalTagRemove(remove, { chargePoint: adopted, tag: null })).toMatchObject({ ok: false, failure: { kind: 'notFound' } });
    expect(decideLocalTagRemove(remove, { chargePoint: unknown, tag })).toMatchObject({ ok: false, failure: { kind: 'notFound' } });
  });
});

describe('wallbox commands', () => {
  it('translates operator commands into OCPP calls, leaving absent optional fields out', () => {
    expect(toWallboxCommand({ type: 'changeAvailability', connectorId: 1, available: false })).toEqual({
      action: 'ChangeAvailability',
      payload: { connectorId: 1, type: 'Inoperative' },
    });
    expect(toWallboxCommand({ type: 'remoteStart', idTag: 'CARD1' })).toEqual({
      action: 'RemoteStartTransaction',
      payload: { idTag: 'CARD1' },
    });
    expect(toWallboxCommand({ type: 'trigger', message: 'StatusNotification', connectorId: 2 })).toEqual({
      action: 'TriggerMessage',
      payload: { requestedMessage: 'StatusNotification', connectorId: 2 },
    });
    expect(toWallboxCommand({ type: 'getConfiguration' })).toEqual({ action: 'GetConfiguration', payload: {} });
    expect(toWallboxCommand({ type: 'reset', resetType: 'Soft' })).toEqual({ action: 'Reset', payload: { type: 'Soft' } });
    expect(toWallboxCommand({ type: 'clearCache' })).toEqual({ action: 'ClearCache', payload: {} });
    expect(toWallboxCommand({ type: 'dataTransfer', vendorId: 'com.example', data: 'hello' })).toEqual({
      action: 'DataTransfer',
      payload: { vendorId: 'com.example', data: 'hello' },
    });
  });

  it('nests the whitepaper’s LogParametersType and FirmwareType, leaving their absent fields out', () => {
    expect(toWallboxCommand({ type: 'getLog', logType: 'SecurityLog', requestId: 7, location: 'http://csms/up/', retries: 1 })).toEqual({
      action: 'GetLog',
      payload: { logType: 'SecurityLog', requestId: 7, log: { remoteLocation: 'http://csms/up/' }, retries: 1 },
    });
    const signed = { requestId: 3, location: 'http://csms/fw.bin', retrieveDateTime: '2026-12-05T01:00:00Z', signingCertificate: 'PEM', signature: 'c2ln' };
    expect(toWallboxCommand({ type: 'signedUpdateFirmware', ...signed })).toEqual({
      action: 'SignedUpdateFirmware',
      payload: { requestId: 3, firmware: { location: 'http://csms/fw.bin', retrieveDateTime: '2026-12-05T01:00:00Z', signingCertificate: 'PEM', signature: 'c2ln' } },
    });
  });

  it('reads every outcome of the gateway, and refuses a malformed reply', () => {
    const reply = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const accepted = { status: 'Accepted' };
    expect(interpretCommandReply('CP1', reply({ outcome: 'result', payload: accepted }))).toEqual({ ok: true, payload: accepted });
    const callError = { code: 'NotSupported', description: 'no', details: {} };
    expect(interpretCommandReply('CP1', reply({ outcome: 'callError', ...callError }))).toEqual({
      ok: false,
      failure: { kind: 'callError', message: 'charge point CP1 answered NotSupported: no', ...callError },
    });
    expect(interpretCommandReply('CP1', reply({ outcome: 'offline' }))).toMatchObject({ ok: false, failure: { kind: 'offline' } });
    expect(interpretCommandReply('CP1', reply({ outcome: 'timeout' }))).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
    expect(interpretCommandReply('CP1', reply({ outcome: 'invalid', reason: 'bad' }))).toMatchObject({ ok: false, failure: { kind: 'invalid' } });
    expect(interpretCommandReply('CP1', reply({ outcome: 'result' }))).toEqual({
      ok: false,
      failure: { kind: 'badGateway', message: 'unreadable reply from the gateway of CP1: payload is missing' },
    });
    expect(interpretCommandReply('CP1', new TextEncoder().encode('nonsense'))).toEqual({
      ok: false,
      failure: { kind: 'badGateway', message: 'unreadable reply from the gateway of CP1: the message is not JSON' },
    });
  });
});
