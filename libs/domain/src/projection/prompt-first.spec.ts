import { describe, expect, it } from 'vitest';
import { createEvent, type EventOf, type EventType, type VoltstreamEvent } from '@voltstream/contracts';
import { promptFirst } from './prompt-first';

const at = new Date('2025-03-01T10:00:00Z');
const event = <T extends EventType>(chargePoint: string | null, type: T, data: EventOf<T>['data']): VoltstreamEvent => createEvent(type, data, chargePoint, at);
const meter = (chargePoint: string) => event(chargePoint, 'MeterValuesReported', { connectorId: 1, meterValue: [{ timestamp: '2025-03-01T10:00:00Z', sampledValue: [{ value: '10' }] }] });
const heartbeat = (chargePoint: string) => event(chargePoint, 'HeartbeatReceived', {});
const stop = (chargePoint: string) => event(chargePoint, 'TransactionStopped', { transactionId: 7, meterStop: 900, timestamp: '2025-03-01T10:00:00Z', known: true });
const status = (chargePoint: string) => event(chargePoint, 'ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' });
const tagSaved = event(null, 'TagSaved', { tag: { idTag: 'T1', firstName: 'A', lastName: 'B', email: 'a@b.c', info: '', expiresAt: null, blocked: false, parentIdTag: null } });

/** The batch numbered from 1, as the worker holds it; the split as lists of numbers. */
function split(events: VoltstreamEvent[]): { prompt: number[]; telemetry: number[] } {
  const { prompt, telemetry } = promptFirst(events.map((event, index) => ({ sequence: index + 1, event })));
  return { prompt: prompt.map((item) => item.sequence), telemetry: telemetry.map((item) => item.sequence) };
}

describe('what people wait for goes first', () => {
  it('takes every event of a charge point that stopped, in log order, and leaves the others’ meter values and heartbeats', () => {
    expect(split([meter('A'), meter('B'), meter('B'), heartbeat('C'), stop('B'), meter('A'), meter('B')])).toEqual({ prompt: [2, 3, 5, 7], telemetry: [1, 4, 6] });
  });

  it('counts a status, or an event of no charge point, as waited for', () => {
    expect(split([meter('A'), status('B'), tagSaved, meter('B')])).toEqual({ prompt: [2, 3, 4], telemetry: [1] });
  });

  it('leaves a batch of telemetry alone, and one with nothing else', () => {
    expect(split([meter('A'), heartbeat('B')])).toEqual({ prompt: [], telemetry: [1, 2] });
    expect(split([stop('A'), status('B')])).toEqual({ prompt: [1, 2], telemetry: [] });
  });
});
