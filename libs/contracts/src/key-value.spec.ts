import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContractError } from './contract';
import { parseLeaseValue, parseTransactionRecord } from './key-value';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('KeyValue contracts', () => {
  it('passes a lease, claimed or not, and a transaction record', () => {
    expect(parseLeaseValue(json({ holder: 'gw-1' }))).toEqual({ holder: 'gw-1' });
    expect(parseLeaseValue(json({ holder: 'gw-1', claimedBy: 'gw-2' }))).toEqual({ holder: 'gw-1', claimedBy: 'gw-2' });
    expect(parseTransactionRecord(json({ identity: 'CP-1', connectorId: 1, idTag: 'CARD-1' }))).toEqual({ identity: 'CP-1', connectorId: 1, idTag: 'CARD-1' });
  });

  it('refuses values out of contract, naming the field', () => {
    expect(() => parseLeaseValue(json({ claimedBy: 'gw-2' }))).toThrow('Invalid lease: holder is missing');
    expect(() => parseTransactionRecord(json({ identity: 'CP-1', connectorId: 0, idTag: 'CARD-1' }))).toThrow(
      'Invalid transaction record: connectorId must be an integer from 1 to 2147483647',
    );
  });

  it('answers any bytes with a value or a ContractError, never another error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.jsonValue().map(json)), (data) => {
        for (const parse of [parseLeaseValue, parseTransactionRecord]) {
          try {
            parse(data);
          } catch (error) {
            expect(error).toBeInstanceOf(ContractError);
          }
        }
      }),
    );
  });
});
