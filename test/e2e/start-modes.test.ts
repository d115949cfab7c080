import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartMode } from '@voltstream/contracts';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { startSystem, type System } from './support/system';
import { adopt, bootedWallbox, simulatedWallbox } from './support/wallboxes';

const EXPIRED_AT = '2020-01-01T00:00:00.000Z';
const VALID_UNTIL = '2099-12-31T23:59:59.000Z';

/** Tags of the central list; every adopted wallbox has the LOCAL-* tags in its local list. */
const CENTRAL_TAGS = {
  'CENTRAL-OK': { firstName: 'Carla', lastName: 'Central', email: 'carla@example.com' },
  'CENTRAL-BLOCKED': { blocked: true },
  'CENTRAL-EXPIRED': { expiresAt: EXPIRED_AT },
  'CENTRAL-UNTIL-2099': { expiresAt: VALID_UNTIL },
  'CENTRAL-CHILD': { parentIdTag: 'FLEET-GROUP-7' },
};
const LOCAL_TAGS = {
  'LOCAL-OK': { firstName: 'Lars', lastName: 'Local', email: 'lars@example.com' },
  'LOCAL-BLOCKED': { blocked: true },
  'LOCAL-EXPIRED': { expiresAt: EXPIRED_AT },
};

interface Answer {
  status: string;
  expiryDate?: string;
}

const accepted: Answer = { status: 'Accepted' };
const invalid: Answer = { status: 'Invalid' };
const blocked: Answer = { status: 'Blocked' };
const expired: Answer = { status: 'Expired', expiryDate: EXPIRED_AT };

interface ModeCase {
  startMode: StartMode;
  sentence: string;
  answers: Record<string, Answer>;
}

/** SPEC §4: the answer to each tag, per start mode. A listed tag that is blocked or expired is refused in every mode. */
const CASES: ModeCase[] = [
  {
    startMode: 'auto',
    sentence: 'accepts any tag, but refuses a listed tag that is blocked or expired',
    answers: { 'NOBODY-KNOWS-ME': accepted, 'CENTRAL-OK': accepted, 'CENTRAL-BLOCKED': blocked, 'LOCAL-EXPIRED': expired },
  },
  {
    startMode: 'anyTag',
    sentence: 'accepts any tag, but refuses a listed tag that is blocked or expired',
    answers: {
      'NOBODY-KNOWS-ME': accepted,
      'LOCAL-OK': accepted,
      'CENTRAL-OK': accepted,
      'LOCAL-BLOCKED': blocked,
      'CENTRAL-BLOCKED': blocked,
      'CENTRAL-EXPIRED': expired,
    },
  },
  {
    startMode: 'centralList',
    sentence: 'accepts a tag of the central list, answers Invalid to any other, Blocked to a blocked and Expired to an expired one',
    answers: {
      'CENTRAL-OK': accepted,
      'NOBODY-KNOWS-ME': invalid,
      'LOCAL-OK': invalid,
      'CENTRAL-BLOCKED': blocked,
      'CENTRAL-EXPIRED': expired,
    },
  },
  {
    startMode: 'localList',
    sentence: "accepts a tag of the charge point's local list, answers Invalid to any other, Blocked to a blocked and Expired to an expired one",
    answers: {
      'LOCAL-OK': accepted,
      'NOBODY-KNOWS-ME': invalid,
      'CENTRAL-OK': invalid,
      'LOCAL-BLOCKED': blocked,
      'LOCAL-EXPIRED': expired,
    },
  },
  {
    startMode: 'bothLists',
    sentence: 'accepts a tag of either list, answers Invalid to any other, Blocked to a blocked and Expired to an expired one',
    answers: {
      'LOCAL-OK': accepted,
      'CENTRAL-OK': accepted,
      'NOBODY-KNOWS-ME': invalid,
      'LOCAL-BLOCKED': blocked,
      'CENTRAL-BLOCKED': blocked,
      'LOCAL-EXPIRED': expired,
      'CENTRAL-EXPIRED': expired,
    },
  },
];

const identityOf = (startMode: StartMode) => `MODE-${startMode}`;

describe('start modes and authorization (end to end, SPEC §4)', () => {
  let system: System;
  const wallboxes = new Map<string, SimulatedChargePoint>();

  beforeAll(async () => {
    system = await startSystem();
    for (const [idTag, entry] of Object.entries(CENTRAL_TAGS)) {
      expect((await system.api(`/api/tags/${idTag}`, { method: 'PUT', body: entry })).status).toBe(201);
    }
    for (const { startMode } of CASES) {
      const identity = identityOf(startMode);
      const autoStartIdTag = startMode === 'auto' ? 'AUTO-START' : undefined;
      await adopt(system, identity, { startMode, autoStartIdTag });
      for (const [idTag, entry] of Object.entries(LOCAL_TAGS)) {
        expect((await system.api(`/api/charge-points/${identity}/local-tags/${idTag}`, { method: 'PUT', body: entry })).status).toBe(201);
      }
      wallboxes.set(startMode, await bootedWallbox(system, identity, { connectors: 1 }));
    }
  });
  afterAll(async () => {
    for (const wallbox of wallboxes.values()) await wallbox.close();
    await system?.stop();
  });

  describe.each(CASES)('a charge point in start mode $startMode', ({ startMode, sentence, answers }) => {
    it(`${sentence} (Authorize)`, async () => {
      const wallbox = wallboxes.get(startMode) as SimulatedChargePoint;
      for (const [idTag, answer] of Object.entries(answers)) {
        expect({ idTag, idTagInfo: (await wallbox.authorize(idTag)).idTagInfo }).toEqual({ idTag, idTagInfo: answer });
      }
    });

    it(`${sentence} (StartTransaction)`, async () => {
      const wallbox = wallboxes.get(startMode) as SimulatedChargePoint;
      let meter = 1000;
      for (const [idTag, answer] of Object.entries(answers)) {
        const started = await wallbox.startTransaction(1, idTag, meter);
        expect(started.transactionId).toBeGreaterThan(0);
        expect({ idTag, idTagInfo: started.idTagInfo }).toEqual({ idTag, idTagInfo: answer });
        meter += 10;
        await wallbox.stopTransaction(started.transactionId, meter, undefined, started.idTagInfo.status === 'Accepted' ? 'Local' : 'DeAuthorized');
      }
    });
  });

  it('a listed tag with an expiry date in the future is accepted and the expiryDate is sent', async () => {
    const wallbox = wallboxes.get('centralList') as SimulatedChargePoint;
    expect((await wallbox.authorize('CENTRAL-UNTIL-2099')).idTagInfo).toEqual({ status: 'Accepted', expiryDate: VALID_UNTIL });
  });

  it('a listed tag with a parent tag is answered with its parentIdTag', async () => {
    const wallbox = wallboxes.get('centralList') as SimulatedChargePoint;
    expect((await wallbox.authorize('CENTRAL-CHILD')).idTagInfo).toEqual({ status: 'Accepted', parentIdTag: 'FLEET-GROUP-7' });
  });

  it('a tag added to the central list is accepted at once, and a tag blocked later is refused', async () => {
    const wallbox = wallboxes.get('centralList') as SimulatedChargePoint;
    expect((await wallbox.authorize('LATE-CARD')).idTagInfo.status).toBe('Invalid');
    expect((await system.api('/api/tags/LATE-CARD', { method: 'PUT', body: { firstName: 'Late' } })).status).toBe(201);
    expect((await wallbox.authorize('LATE-CARD')).idTagInfo.status).toBe('Accepted');
    expect((await system.api('/api/tags/LATE-CARD', { method: 'PUT', body: { firstName: 'Late', blocked: true } })).status).toBe(200);
    expect((await wallbox.authorize('LATE-CARD')).idTagInfo.status).toBe('Blocked');
  });

  it('a discovered (not adopted) charge point answers Invalid to every tag, listed or not', async () => {
    const stranger = simulatedWallbox(system, 'NOT-ADOPTED', { connectors: 1 });
    wallboxes.set('stranger', stranger);
    await stranger.connect();
    expect((await stranger.boot()).status).toBe('Pending');
    for (const idTag of ['CENTRAL-OK', 'NOBODY-KNOWS-ME']) {
      expect((await stranger.authorize(idTag)).idTagInfo).toEqual(invalid);
      const started = await stranger.startTransaction(1, idTag, 0);
      expect(started.idTagInfo).toEqual(invalid);
      await stranger.stopTransaction(started.transactionId, 0, undefined, 'DeAuthorized');
    }
  });
});
