import { describe, expect, it } from 'vitest';
import {
  MAX_PAYLOAD_DEPTH,
  OcppError,
  parseFrame,
  serializeCall,
  serializeCallError,
  serializeCallResult,
  type OcppErrorCode,
  type ParsedFrame,
} from './index';

function refusal(parsed: ParsedFrame) {
  if (parsed.ok) throw new Error(`expected a refusal, got ${JSON.stringify(parsed.frame)}`);
  return { uniqueId: parsed.uniqueId, code: parsed.error.code, replyTo: parsed.replyTo };
}

describe('parseFrame (OCPP-J 1.6 §4)', () => {
  it('reads a CALL', () => {
    expect(parseFrame('[2,"19223201","BootNotification",{"chargePointVendor":"ABB","chargePointModel":"Terra"}]')).toEqual({
      ok: true,
      frame: {
        messageType: 2,
        uniqueId: '19223201',
        action: 'BootNotification',
        payload: { chargePointVendor: 'ABB', chargePointModel: 'Terra' },
      },
    });
  });

  it('reads a CALLRESULT', () => {
    expect(parseFrame('[3,"19223201",{"status":"Accepted"}]')).toEqual({
      ok: true,
      frame: { messageType: 3, uniqueId: '19223201', payload: { status: 'Accepted' } },
    });
  });

  it('reads a CALLERROR', () => {
    expect(parseFrame('[4,"162376037","NotSupported","SetDisplayMessage not supported",{}]')).toEqual({
      ok: true,
      frame: { messageType: 4, uniqueId: '162376037', code: 'NotSupported', description: 'SetDisplayMessage not supported', details: {} },
    });
  });

  it('accepts a unique id of exactly 36 characters (a GUID)', () => {
    const guid = 'a0e1b2c3-d4e5-46f7-8899-aabbccddeeff';
    expect(parseFrame(`[2,"${guid}","Heartbeat",{}]`)).toMatchObject({ ok: true, frame: { uniqueId: guid } });
  });

  it('leaves an unknown action to payload validation', () => {
    expect(parseFrame('[2,"1","MakeCoffee",{}]')).toMatchObject({ ok: true, frame: { action: 'MakeCoffee' } });
  });

  const unanswerable: Array<[string, string, OcppErrorCode]> = [
    ['not JSON', '[2,"1","Heartbeat",{', 'FormationViolation'],
    ['empty text', '', 'FormationViolation'],
    ['a JSON object', '{"messageTypeId":2}', 'FormationViolation'],
    ['a JSON string', '"Heartbeat"', 'FormationViolation'],
    ['JSON null', 'null', 'FormationViolation'],
    ['an empty array', '[]', 'FormationViolation'],
    ['a message type id as string', '["2","1","Heartbeat",{}]', 'FormationViolation'],
    ['an unknown message type id', '[5,"1","Heartbeat",{}]', 'ProtocolError'],
    ['message type id 2.5', '[2.5,"1","Heartbeat",{}]', 'ProtocolError'],
    ['a numeric unique id', '[2,1,"Heartbeat",{}]', 'FormationViolation'],
    ['an empty unique id', '[2,"","Heartbeat",{}]', 'FormationViolation'],
    ['no unique id', '[2]', 'FormationViolation'],
    ['a CALLRESULT with a unique id over 36 characters', `[3,"${'x'.repeat(37)}",{}]`, 'FormationViolation'],
    ['a CALLERROR with a unique id over 36 characters', `[4,"${'x'.repeat(37)}","GenericError","",{}]`, 'FormationViolation'],
  ];
  it.each(unanswerable)('drops %s: %s → %s, unanswered', (_case, text, code) => {
    expect(refusal(parseFrame(text))).toEqual({ uniqueId: null, code, replyTo: undefined });
  });

  const answerable: Array<[string, string, OcppErrorCode]> = [
    ['a unique id over 36 characters', `[2,"${'x'.repeat(37)}","Heartbeat",{}]`, 'FormationViolation'],
    ['a CALL of 3 elements', '[2,"1","Heartbeat"]', 'FormationViolation'],
    ['a CALL of 5 elements', '[2,"1","Heartbeat",{},{}]', 'FormationViolation'],
    ['a numeric action', '[2,"1",42,{}]', 'FormationViolation'],
    ['a payload array', '[2,"1","Heartbeat",[]]', 'FormationViolation'],
    ['a payload null', '[2,"1","Heartbeat",null]', 'FormationViolation'],
    ['a payload string', '[2,"1","Heartbeat","{}"]', 'FormationViolation'],
  ];
  it.each(answerable)('refuses a CALL with %s, answerable by its unique id', (_case, text, code) => {
    const uniqueId = (JSON.parse(text) as unknown[])[1];
    expect(refusal(parseFrame(text))).toEqual({ uniqueId, code, replyTo: undefined });
  });

  const malformedReplies: Array<[string, string]> = [
    ['a CALLRESULT of 2 elements', '[3,"7"]'],
    ['a CALLRESULT of 4 elements', '[3,"7",{},{}]'],
    ['a CALLRESULT with a payload array', '[3,"7",[]]'],
    ['a CALLERROR of 4 elements', '[4,"7","GenericError","oops"]'],
    ['a CALLERROR with a numeric code', '[4,"7",500,"oops",{}]'],
    ['a CALLERROR with a description object', '[4,"7","GenericError",{},{}]'],
    ['a CALLERROR with details null', '[4,"7","GenericError","oops",null]'],
  ];
  it.each(malformedReplies)('never answers %s, but names the call it meant to answer', (_case, text) => {
    expect(refusal(parseFrame(text))).toEqual({ uniqueId: null, code: 'FormationViolation', replyTo: '7' });
  });

  describe('nesting (every later walk relies on its bound)', () => {
    /** A payload `{"x":{"a":{"a":…1}}}` of `levels` objects. */
    const nested = (levels: number) => `${'{"a":'.repeat(levels - 1)}{"x":1}${'}'.repeat(levels - 1)}`;

    it(`answers the 15 KB frame of issue 11 (2,500 levels) FormationViolation, by its unique id`, () => {
      const text = `[2,"x","Heartbeat",{"x":${'{"a":'.repeat(2500)}1${'}'.repeat(2500)}}]`;
      expect(refusal(parseFrame(text))).toEqual({ uniqueId: 'x', code: 'FormationViolation', replyTo: undefined });
      expect(parseFrame(text)).toMatchObject({ error: { description: `payload is nested deeper than ${MAX_PAYLOAD_DEPTH} levels` } });
    });

    it('answers a 128 KiB payload of nested arrays FormationViolation without exhausting the stack', () => {
      const depth = 64 * 1024;
      expect(refusal(parseFrame(`[2,"deep","Heartbeat",{"x":${'['.repeat(depth)}${']'.repeat(depth)}}]`))).toMatchObject({ code: 'FormationViolation' });
    });

    it(`accepts a payload of exactly ${MAX_PAYLOAD_DEPTH} levels and refuses one of ${MAX_PAYLOAD_DEPTH + 1}`, () => {
      expect(parseFrame(`[2,"1","DataTransfer",${nested(MAX_PAYLOAD_DEPTH)}]`)).toMatchObject({ ok: true });
      expect(refusal(parseFrame(`[2,"1","DataTransfer",${nested(MAX_PAYLOAD_DEPTH + 1)}]`))).toMatchObject({ uniqueId: '1', code: 'FormationViolation' });
    });

    it('never answers a reply nested too deep, but names the call it meant to answer', () => {
      const deep = nested(MAX_PAYLOAD_DEPTH + 1);
      expect(refusal(parseFrame(`[3,"7",${deep}]`))).toEqual({ uniqueId: null, code: 'FormationViolation', replyTo: '7' });
      expect(refusal(parseFrame(`[4,"7","GenericError","oops",${deep}]`))).toEqual({ uniqueId: null, code: 'FormationViolation', replyTo: '7' });
    });
  });

  it('describes what is wrong', () => {
    expect(parseFrame('[2,"1","Heartbeat"]')).toMatchObject({ error: { description: 'a CALL must have 4 elements, got 3' } });
    expect(parseFrame('[7,"1"]')).toMatchObject({ error: { description: 'unknown message type id 7' } });
  });
});

describe('serialize', () => {
  it('round-trips a CALL', () => {
    const payload = { connectorId: 1, errorCode: 'NoError', status: 'Available' };
    expect(parseFrame(serializeCall('abc-1', 'StatusNotification', payload))).toEqual({
      ok: true,
      frame: { messageType: 2, uniqueId: 'abc-1', action: 'StatusNotification', payload },
    });
  });

  it('round-trips a CALLRESULT', () => {
    const payload = { status: 'Accepted', currentTime: '2024-05-01T08:00:00.000Z', interval: 300 };
    expect(parseFrame(serializeCallResult('abc-1', payload))).toEqual({
      ok: true,
      frame: { messageType: 3, uniqueId: 'abc-1', payload },
    });
  });

  it('round-trips a CALLERROR with its details', () => {
    const error = new OcppError('TypeConstraintViolation', 'connectorId: must be an integer', { value: '1' });
    expect(serializeCallError('abc-1', error)).toBe(
      '[4,"abc-1","TypeConstraintViolation","connectorId: must be an integer",{"value":"1"}]',
    );
    expect(parseFrame(serializeCallError('abc-1', error))).toEqual({
      ok: true,
      frame: {
        messageType: 4,
        uniqueId: 'abc-1',
        code: 'TypeConstraintViolation',
        description: 'connectorId: must be an integer',
        details: { value: '1' },
      },
    });
  });

  it('writes an empty payload as an object', () => {
    expect(serializeCallResult('9', {})).toBe('[3,"9",{}]');
    expect(serializeCall('9', 'Heartbeat', {})).toBe('[2,"9","Heartbeat",{}]');
  });
});
