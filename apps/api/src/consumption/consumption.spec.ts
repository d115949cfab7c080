import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@voltstream/contracts';
import { startTestApi, type TestApi } from '../../test-support/api-harness';

const ada = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 0, day, hour));

describe('consumption: energy per day and charge point or tag, summed in Postgres', () => {
  let t: TestApi;
  let nextId = 1;

  async function session(identity: string, idTag: string, day: number, hour: number, wh: number): Promise<void> {
    const transactionId = nextId++;
    const tagOwner = idTag === 'ADA' ? ada : null;
    const start = { transactionId, connectorId: 1, idTag, meterStart: 1000, timestamp: at(day, hour).toISOString(), authorizationStatus: 'Accepted' as const, tagOwner };
    await t.record(createEvent('TransactionStarted', start, identity, at(day, hour)));
    const stop = { transactionId, meterStop: 1000 + wh, timestamp: at(day, hour + 1).toISOString(), reason: 'EVDisconnected', known: true };
    await t.record(createEvent('TransactionStopped', stop, identity, at(day, hour + 1)));
  }

  beforeAll(async () => {
    t = await startTestApi({ projection: true });
    for (const identity of ['CP-A', 'CP-B']) {
      await t.record(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' }, identity, at(1, 0)));
    }
    await session('CP-A', 'ADA', 14, 8, 500);
    await session('CP-A', 'ADA', 15, 8, 1200);
    await session('CP-A', 'BOB', 15, 10, 300);
    await session('CP-B', 'ADA', 15, 22, 2000);
    await session('CP-B', 'BOB', 16, 9, 700);
  });
  afterAll(() => t?.close());

  const consumption = (query: string) => t.request('GET', `/api/consumption?${query}`);

  it('sums the energy of the transactions started in the period, per UTC day and charge point', async () => {
    const answer = await consumption('from=2026-01-15T00:00:00Z&to=2026-01-16T00:00:00Z&groupBy=chargePoint');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { day: '2026-01-15', key: 'CP-A', label: 'CP-A', energyWh: 1500, transactions: 2 },
      { day: '2026-01-15', key: 'CP-B', label: 'CP-B', energyWh: 2000, transactions: 1 },
    ]);
  });

  it('sums per day and tag, labelled with the owner’s name where the tag has one', async () => {
    const answer = await consumption('from=2026-01-14T00:00:00Z&to=2026-01-17T00:00:00Z&groupBy=tag');
    expect(answer.body).toEqual([
      { day: '2026-01-14', key: 'ADA', label: 'Ada Lovelace', energyWh: 500, transactions: 1 },
      { day: '2026-01-15', key: 'ADA', label: 'Ada Lovelace', energyWh: 3200, transactions: 2 },
      { day: '2026-01-15', key: 'BOB', label: 'BOB', energyWh: 300, transactions: 1 },
      { day: '2026-01-16', key: 'BOB', label: 'BOB', energyWh: 700, transactions: 1 },
    ]);
  });

  it('answers the same buckets over GraphQL', async () => {
    const query = '{ consumption(from: "2026-01-16T00:00:00Z", to: "2026-01-17T00:00:00Z", groupBy: chargePoint) { day key energyWh } }';
    const answer = await t.request('POST', '/graphql', { body: { query } });
    expect(answer.body).toEqual({ data: { consumption: [{ day: '2026-01-16', key: 'CP-B', energyWh: 700 }] } });
  });

  it('refuses a missing or invalid parameter with 400 naming it, and a period that is empty or longer than 366 days', async () => {
    const cases: Array<[string, string]> = [
      ['to=2026-01-16T00:00:00Z&groupBy=tag', 'from'],
      ['from=yesterday&to=2026-01-16T00:00:00Z&groupBy=tag', 'from'],
      ['from=2026-01-15T00:00:00Z&to=2026-01-16T00:00:00Z&groupBy=owner', 'groupBy'],
      ['from=2026-01-16T00:00:00Z&to=2026-01-15T00:00:00Z&groupBy=tag', 'to must lie after from'],
      ['from=2025-01-01T00:00:00Z&to=2026-01-16T00:00:00Z&groupBy=tag', 'at most 366 days'],
    ];
    for (const [query, named] of cases) {
      const answer = await consumption(query);
      expect(answer.status, query).toBe(400);
      expect(JSON.stringify(answer.body), query).toContain(named);
    }
  });
});
