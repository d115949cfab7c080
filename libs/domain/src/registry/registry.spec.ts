import { describe, expect, it } from 'vitest';
import { createEvent, type ChargePointSettings } from '@voltstream/contracts';
import { foldCentralTag, foldRegistration, RegistryView } from './registry';
import { hashPassword, verifyPassword } from './password';
import { tagEntry as tag } from '@voltstream/testing';

const settings: ChargePointSettings = {
  startMode: 'localList',
  relaxations: [],
  autoStartIdTag: null,
  passwordHash: null,
  description: 'Garage',
};
const at = new Date('2026-01-01T00:00:00Z');

describe('RegistryView', () => {
  it('given an adopted charge point with a local tag, when it is forgotten, then neither remain', () => {
    const view = new RegistryView();
    view.apply(createEvent('ChargePointAdopted', settings, 'CP1', at));
    view.apply(createEvent('LocalTagSaved', { tag: tag('AA') }, 'CP1', at));
    expect(view.registration('CP1')?.localTags.get('AA')?.firstName).toBe('Ada');
    view.apply(createEvent('ChargePointForgotten', {}, 'CP1', at));
    expect(view.registration('CP1')).toBeUndefined();
  });

  it('given a discovered charge point, settings changes and local tags do not adopt it', () => {
    const view = new RegistryView();
    view.apply(createEvent('ChargePointSettingsChanged', settings, 'CP2', at));
    view.apply(createEvent('LocalTagSaved', { tag: tag('AA') }, 'CP2', at));
    expect(view.registration('CP2')).toBeUndefined();
  });

  it('keeps settings changes and removes local and central tags', () => {
    const view = new RegistryView();
    view.apply(createEvent('ChargePointAdopted', settings, 'CP3', at));
    view.apply(createEvent('ChargePointSettingsChanged', { ...settings, startMode: 'auto', autoStartIdTag: 'AUTO' }, 'CP3', at));
    view.apply(createEvent('LocalTagSaved', { tag: tag('BB') }, 'CP3', at));
    view.apply(createEvent('LocalTagRemoved', { idTag: 'BB' }, 'CP3', at));
    view.apply(createEvent('TagSaved', { tag: tag('CC') }, null, at));
    expect(view.centralTag('CC')?.email).toBe('ada@example.com');
    view.apply(createEvent('TagRemoved', { idTag: 'CC' }, null, at));
    expect(view.registration('CP3')?.settings.startMode).toBe('auto');
    expect(view.registration('CP3')?.localTags.size).toBe(0);
    expect(view.centralTag('CC')).toBeUndefined();
  });

  it('ignores station events', () => {
    const view = new RegistryView();
    view.apply(createEvent('HeartbeatReceived', {}, 'CP4', at));
    expect(view.registration('CP4')).toBeUndefined();
  });
});

describe('folding one aggregate from its events', () => {
  it('given adoption, a local tag and a settings change, when folded, then the registration holds all three', () => {
    const registration = foldRegistration([
      createEvent('ChargePointAdopted', settings, 'CP5', at),
      createEvent('LocalTagSaved', { tag: tag('AA') }, 'CP5', at),
      createEvent('ChargePointSettingsChanged', { ...settings, description: 'Shop' }, 'CP5', at),
    ]);
    expect(registration?.settings.description).toBe('Shop');
    expect([...(registration?.localTags.keys() ?? [])]).toEqual(['AA']);
  });

  it('given a forgotten charge point or none at all, when folded, then there is no registration', () => {
    expect(foldRegistration([])).toBeUndefined();
    expect(foldRegistration([createEvent('ChargePointAdopted', settings, 'CP6', at), createEvent('ChargePointForgotten', {}, 'CP6', at)])).toBeUndefined();
  });

  it("given the central list's events of several tags, when one is folded, then only its own count", () => {
    const events = [
      createEvent('TagSaved', { tag: tag('AA') }, null, at),
      createEvent('TagSaved', { tag: tag('BB') }, null, at),
      createEvent('TagRemoved', { idTag: 'BB' }, null, at),
    ];
    expect(foldCentralTag('AA', events)?.idTag).toBe('AA');
    expect(foldCentralTag('BB', events)).toBeUndefined();
    expect(foldCentralTag('CC', events)).toBeUndefined();
  });
});

describe('charge point passwords', () => {
  it('verifies the right password only, and never stores it in clear', async () => {
    const stored = hashPassword('s3cret-wallbox-pass');
    expect(stored).not.toContain('s3cret');
    expect(await verifyPassword('s3cret-wallbox-pass', stored)).toBe(true);
    expect(await verifyPassword('s3cret-wallbox-pasS', stored)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });

  it('compares bytes: a password that is not UTF-8 matches itself only, and text matches its UTF-8 bytes', async () => {
    const bytes = Buffer.from('ff00c3288081e2282b9f3a0d0a7e7f2aa1', 'hex');
    const stored = hashPassword(bytes);
    expect(await verifyPassword(bytes, stored)).toBe(true);
    // Decoding as UTF-8 turns the invalid bytes into U+FFFD: that is another password.
    expect(await verifyPassword(bytes.toString('utf8'), stored)).toBe(false);
    expect(await verifyPassword(Buffer.from('grüne-wallbox-pass'), hashPassword('grüne-wallbox-pass'))).toBe(true);
  });
});
