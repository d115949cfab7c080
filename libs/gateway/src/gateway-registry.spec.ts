import { describe, expect, it } from 'vitest';
import { createEvent, type ChargePointSettings } from '@voltstream/contracts';
import { tagEntry } from '@voltstream/testing';
import { GatewayRegistry } from './gateway-registry';

const settings: ChargePointSettings = { startMode: 'localList', relaxations: [], autoStartIdTag: null, passwordHash: null, description: 'Garage' };
const tag = tagEntry('AA');
const at = new Date('2026-01-01T00:00:00Z');

describe('GatewayRegistry', () => {
  it('given an adopted charge point, keeps its password and relaxations, and forgets it when it is forgotten', () => {
    const registry = new GatewayRegistry();
    registry.apply(createEvent('ChargePointAdopted', { ...settings, passwordHash: 'scrypt$x', relaxations: ['acceptNumericStrings'] }, 'CP1', at));
    expect(registry.registration('CP1')).toEqual({ passwordHash: 'scrypt$x', relaxations: ['acceptNumericStrings'], acceptedDataTransferVendors: [], securityProfile: 0, previousPasswordHash: null, pendingPasswordHash: null, pendingPasswordUsed: false });
    registry.apply(createEvent('ChargePointForgotten', {}, 'CP1', at));
    expect(registry.registration('CP1')).toBeUndefined();
  });

  it('given a discovered charge point, settings changes and local tags do not adopt it', () => {
    const registry = new GatewayRegistry();
    registry.apply(createEvent('ChargePointSettingsChanged', settings, 'CP2', at));
    registry.apply(createEvent('LocalTagSaved', { tag }, 'CP2', at));
    expect(registry.registration('CP2')).toBeUndefined();
  });

  it('follows settings changes of an adopted charge point and ignores its local tags', () => {
    const registry = new GatewayRegistry();
    registry.apply(createEvent('ChargePointAdopted', settings, 'CP3', at));
    registry.apply(createEvent('ChargePointSettingsChanged', { ...settings, passwordHash: 'scrypt$y' }, 'CP3', at));
    registry.apply(createEvent('LocalTagSaved', { tag }, 'CP3', at));
    expect(registry.registration('CP3')).toEqual({ passwordHash: 'scrypt$y', relaxations: [], acceptedDataTransferVendors: [], securityProfile: 0, previousPasswordHash: null, pendingPasswordHash: null, pendingPasswordUsed: false });
  });

  it('shares one record among charge points without password or relaxations', () => {
    const registry = new GatewayRegistry();
    registry.apply(createEvent('ChargePointAdopted', settings, 'CP4', at));
    registry.apply(createEvent('ChargePointAdopted', { ...settings, description: 'Carport' }, 'CP5', at));
    expect(registry.registration('CP4')).toEqual({ passwordHash: null, relaxations: [], acceptedDataTransferVendors: [], securityProfile: 0, previousPasswordHash: null, pendingPasswordHash: null, pendingPasswordUsed: false });
    expect(registry.registration('CP4')).toBe(registry.registration('CP5'));
  });

  it('follows the vendor ids whose DataTransfer an adopted charge point may send', () => {
    const registry = new GatewayRegistry();
    registry.apply(createEvent('ChargePointAdopted', settings, 'CP7', at));
    registry.apply(createEvent('ChargePointSettingsChanged', { ...settings, acceptedDataTransferVendors: ['com.example'] }, 'CP7', at));
    expect(registry.registration('CP7')).toEqual({ passwordHash: null, relaxations: [], acceptedDataTransferVendors: ['com.example'], securityProfile: 0, previousPasswordHash: null, pendingPasswordHash: null, pendingPasswordUsed: false });
  });

  it('after a password rotation, opens the handshake with the new and the previous password until the previous is retired', () => {
    const registry = new GatewayRegistry();
    registry.apply(createEvent('ChargePointAdopted', { ...settings, passwordHash: 'scrypt$old', securityProfile: 1 }, 'CP6', at));
    registry.apply(createEvent('PasswordChanged', { passwordHash: 'scrypt$new', previousPasswordHash: 'scrypt$old' }, 'CP6', at));
    expect(registry.registration('CP6')).toMatchObject({ passwordHash: 'scrypt$new', previousPasswordHash: 'scrypt$old', securityProfile: 1 });
    registry.apply(createEvent('PreviousPasswordRetired', {}, 'CP6', at));
    expect(registry.registration('CP6')).toMatchObject({ passwordHash: 'scrypt$new', previousPasswordHash: null });
  });

  it('while a rotation is under way, also opens the handshake with the pending password, until it is recorded or abandoned', () => {
    const registry = new GatewayRegistry();
    registry.apply(createEvent('ChargePointAdopted', { ...settings, passwordHash: 'scrypt$old' }, 'CP7', at));
    registry.apply(createEvent('PasswordRotationStarted', { pendingPasswordHash: 'scrypt$new' }, 'CP7', at));
    expect(registry.registration('CP7')).toMatchObject({ passwordHash: 'scrypt$old', pendingPasswordHash: 'scrypt$new' });
    registry.apply(createEvent('PasswordChanged', { passwordHash: 'scrypt$new', previousPasswordHash: 'scrypt$old' }, 'CP7', at));
    expect(registry.registration('CP7')).toMatchObject({ passwordHash: 'scrypt$new', previousPasswordHash: 'scrypt$old', pendingPasswordHash: null });
    registry.apply(createEvent('PasswordRotationStarted', { pendingPasswordHash: 'scrypt$refused' }, 'CP7', at));
    registry.apply(createEvent('PasswordRotationAbandoned', {}, 'CP7', at));
    expect(registry.registration('CP7')).toMatchObject({ passwordHash: 'scrypt$new', pendingPasswordHash: null });
  });

  it('a wallbox that came with the pending password retires the previous one as soon as the rotation is recorded, in either order', () => {
    const registry = new GatewayRegistry();
    const used = createEvent('PendingPasswordUsed', { passwordHash: 'scrypt$new' }, 'CP8', at);
    const changed = createEvent('PasswordChanged', { passwordHash: 'scrypt$new', previousPasswordHash: 'scrypt$old' }, 'CP8', at);
    registry.apply(createEvent('ChargePointAdopted', { ...settings, passwordHash: 'scrypt$old' }, 'CP8', at));
    registry.apply(createEvent('PasswordRotationStarted', { pendingPasswordHash: 'scrypt$new' }, 'CP8', at));
    registry.apply(used);
    registry.apply(changed);
    expect(registry.registration('CP8')).toMatchObject({ passwordHash: 'scrypt$new', previousPasswordHash: null, pendingPasswordHash: null, pendingPasswordUsed: false });

    registry.apply(createEvent('ChargePointAdopted', { ...settings, passwordHash: 'scrypt$old' }, 'CP9', at));
    registry.apply(createEvent('PasswordRotationStarted', { pendingPasswordHash: 'scrypt$new' }, 'CP9', at));
    registry.apply({ ...changed, metadata: { ...changed.metadata, chargePoint: 'CP9' } });
    expect(registry.registration('CP9')).toMatchObject({ previousPasswordHash: 'scrypt$old' });
    registry.apply({ ...used, metadata: { ...used.metadata, chargePoint: 'CP9' } });
    expect(registry.registration('CP9')).toMatchObject({ passwordHash: 'scrypt$new', previousPasswordHash: null });
  });

  it('ignores station and central tag list events', () => {
    const registry = new GatewayRegistry();
    registry.apply(createEvent('HeartbeatReceived', {}, 'CP6', at));
    registry.apply(createEvent('TagSaved', { tag }, null, at));
    expect(registry.registration('CP6')).toBeUndefined();
  });
});
