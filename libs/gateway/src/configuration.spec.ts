import { describe, expect, it } from 'vitest';
import { numberOfConnectorsIn } from './configuration';

const answer = (...configurationKey: { key: string; value?: string }[]) => ({
  configurationKey: configurationKey.map((entry) => ({ readonly: true, ...entry })),
});

describe('numberOfConnectorsIn (a GetConfiguration confirmation)', () => {
  it('reads NumberOfConnectors among other keys, whatever its case', () => {
    expect(numberOfConnectorsIn(answer({ key: 'HeartbeatInterval', value: '300' }, { key: 'NumberOfConnectors', value: '2' }))).toBe(2);
    expect(numberOfConnectorsIn(answer({ key: 'numberofconnectors', value: ' 4 ' }))).toBe(4);
  });

  it('knows nothing when the key is missing, has no value, or no count of at least 1', () => {
    expect(numberOfConnectorsIn({ unknownKey: ['NumberOfConnectors'] })).toBeUndefined();
    expect(numberOfConnectorsIn(answer({ key: 'NumberOfConnectors' }))).toBeUndefined();
    for (const value of ['0', 'two', '1.5', '-1', '99999999999', '']) {
      expect(numberOfConnectorsIn(answer({ key: 'NumberOfConnectors', value })), value).toBeUndefined();
    }
  });
});
