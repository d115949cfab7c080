import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContractError, contractViolations } from './contract';
import {
  parseConnectionClaim,
  parseRpcReply,
  parseRpcRequest,
  parseWallboxCommand,
  parseWallboxCommandReply,
  rpcFailure,
  rpcReply,
  type RpcName,
  type RpcReply,
  type RpcRequest,
} from './rpc';

const json = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

const REQUESTS: { [Name in RpcName]: RpcRequest<Name> } = {
  boot: { identity: 'CP-1', boot: { vendor: 'Voltstream', model: 'Sim', iccid: '8931' } },
  authorize: { identity: 'CP-1', idTag: 'CARD-1' },
  startTransaction: { identity: 'CP-1', connectorId: 1, idTag: 'CARD-1', meterStart: 0, timestamp: '2026-03-01T10:00:00.000Z', reservationId: 3 },
  stopTransaction: { identity: 'CP-1', transactionId: -5, meterStop: 10, timestamp: '2026-03-01T11:00:00.000Z', idTag: 'CARD-1', reason: 'Local' },
};

const REPLIES: { [Name in RpcName]: RpcReply<Name> } = {
  boot: { status: 'Pending', interval: 300 },
  authorize: { idTagInfo: { status: 'Expired', expiryDate: '2020-01-01T00:00:00.000Z' } },
  startTransaction: { transactionId: 9, idTagInfo: { status: 'Accepted', parentIdTag: 'FLEET' }, tagOwner: null },
  stopTransaction: { known: false },
};
const NAMES = Object.keys(REQUESTS) as RpcName[];

/** Runs a parser; a ContractError is an answer, any other throw fails the test. */
function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
}

const hostile = fc.oneof(
  fc.anything({ withNullPrototype: true }).map((value) => json(JSON.stringify(value) ?? 'undefined')),
  fc.string().map(json),
  fc.uint8Array({ maxLength: 64 }),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => json(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)),
);

describe('RPC contracts', () => {
  it.each(NAMES)('passes a valid %s request and reply envelope', (name) => {
    expect(parseRpcRequest(name, json(REQUESTS[name]))).toEqual(REQUESTS[name]);
    expect(parseRpcReply(name, json(rpcReply(REPLIES[name])))).toEqual({ kind: 'reply', reply: REPLIES[name] });
    expect(parseRpcReply(name, json(rpcFailure('invalid-request', 'no')))).toEqual({ kind: 'error', code: 'invalid-request', message: 'no' });
  });

  it.each([
    ['boot', { identity: 'CP-1', boot: { vendor: 'Voltstream' } }, 'Invalid boot request: boot.model is missing'],
    ['authorize', { identity: 'CP-1', idTag: 'X'.repeat(21) }, 'Invalid authorize request: idTag must be at most 20 characters'],
    ['authorize', { identity: '', idTag: 'CARD-1' }, 'Invalid authorize request: identity must be a non-empty string'],
    ['startTransaction', { ...REQUESTS.startTransaction, connectorId: 0 }, 'Invalid startTransaction request: connectorId must be an integer from 1 to 2147483647'],
    ['startTransaction', { ...REQUESTS.startTransaction, reservationId: 1.5 }, 'Invalid startTransaction request: reservationId must be an integer from -2147483648 to 2147483647'],
    ['stopTransaction', { ...REQUESTS.stopTransaction, transactionId: '7' }, 'Invalid stopTransaction request: transactionId must be an integer from -2147483648 to 2147483647'],
    ['stopTransaction', 'not JSON', 'Invalid stopTransaction request: the message is not JSON'],
  ] as const)('refuses a %s request that breaks its contract, naming the field', (name, request, message) => {
    expect(() => parseRpcRequest(name, json(request))).toThrow(new ContractError(`${name} request`, message.slice(message.indexOf(': ') + 2)));
    expect(outcome(() => parseRpcRequest(name, json(request)))).toMatchObject({ message });
  });

  it('passes what OCPP 1.6 allows a wallbox: an empty idTag, vendor and model, and 20 characters counted as code points', () => {
    const emoji = '\u{1F50C}'.repeat(20);
    expect(parseRpcRequest('authorize', json({ identity: 'CP-1', idTag: '' }))).toEqual({ identity: 'CP-1', idTag: '' });
    expect(parseRpcRequest('authorize', json({ identity: 'CP-1', idTag: emoji }))).toEqual({ identity: 'CP-1', idTag: emoji });
    expect(() => parseRpcRequest('authorize', json({ identity: 'CP-1', idTag: `${emoji}x` }))).toThrow('idTag must be at most 20 characters');
    expect(parseRpcRequest('boot', json({ identity: 'CP-1', boot: { vendor: '', model: '' } }))).toEqual({ identity: 'CP-1', boot: { vendor: '', model: '' } });
  });

  it('refuses a reply out of contract: an unknown kind, an error without a known code, a reply of the wrong shape', () => {
    expect(() => parseRpcReply('boot', json({ kind: 'maybe' }))).toThrow('Invalid boot reply: kind must be one of "reply", "error"');
    expect(() => parseRpcReply('boot', json({ kind: 'error', code: 'oops', message: '' }))).toThrow('Invalid boot reply: code must be one of "invalid-request", "failed"');
    expect(() => parseRpcReply('boot', json({ kind: 'reply', reply: { status: 'Accepted', interval: -1 } }))).toThrow(
      'Invalid boot reply: reply.interval must be an integer from 0 to 2147483647',
    );
    // NestJS's own packet, which the gateway spoke before the envelope.
    expect(() => parseRpcReply('authorize', json({ id: '1', response: REPLIES.authorize, isDisposed: true }))).toThrow(
      'Invalid authorize reply: kind must be one of "reply", "error"',
    );
  });

  it('counts each refusal under its contract', () => {
    const before = contractViolations.of('authorize request');
    expect(() => parseRpcRequest('authorize', json({}))).toThrow(ContractError);
    expect(contractViolations.of('authorize request')).toBe(before + 1);
  });

  it('answers any generated message with a value or a ContractError, never another error nor a stack overflow', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), hostile, (name, data) => {
        outcome(() => parseRpcRequest(name, data));
        outcome(() => parseRpcReply(name, data));
        outcome(() => parseWallboxCommand(data));
        outcome(() => parseWallboxCommandReply(data));
        outcome(() => parseConnectionClaim(data));
      }),
      { numRuns: 600 },
    );
  });

  it('refuses a valid request with any one field replaced by a value of another kind, naming that field', () => {
    const cases = fc
      .constantFrom(...NAMES)
      .chain((name) => fc.tuple(fc.constant(name), fc.constantFrom(...Object.keys(REQUESTS[name])), fc.constantFrom<unknown>(null, [1], { a: 1 }, 2 ** 53, '')))
      // An empty idTag is what OCPP allows: the service decides on it.
      .filter(([, field, value]) => !(field === 'idTag' && value === ''));
    fc.assert(
      fc.property(cases, ([name, field, value]) => {
        const result = outcome(() => parseRpcRequest(name, json({ ...REQUESTS[name], [field]: value })));
        expect(result).toBeInstanceOf(ContractError);
        expect((result as ContractError).reason.startsWith(field)).toBe(true);
      }),
    );
  });
});

describe('wallbox command contracts', () => {
  it('passes a command and every kind of reply', () => {
    expect(parseWallboxCommand(json({ action: 'Reset', payload: { type: 'Soft' } }))).toEqual({ action: 'Reset', payload: { type: 'Soft' } });
    const replies = [
      { outcome: 'result', payload: { status: 'Accepted' } },
      { outcome: 'callError', code: 'NotSupported', description: '', details: {} },
      { outcome: 'invalid', reason: 'no' },
      { outcome: 'timeout' },
      { outcome: 'offline' },
    ];
    for (const reply of replies) expect(parseWallboxCommandReply(json(reply))).toEqual(reply);
  });

  it.each([
    [{ action: 'Reset' }, 'Invalid wallbox command: payload is missing'],
    [{ action: '', payload: {} }, 'Invalid wallbox command: action must be a non-empty string'],
    [{ action: 'Reset', payload: 'Hard' }, 'Invalid wallbox command: payload must be an object'],
  ])('refuses the command %j', (command, message) => {
    expect(() => parseWallboxCommand(json(command))).toThrow(message);
  });

  it.each([
    [{ outcome: 'result' }, 'Invalid wallbox command reply: payload is missing'],
    [{ outcome: 'callError', code: 'InternalError', description: 'x' }, 'Invalid wallbox command reply: details is missing'],
    [{ outcome: 'later' }, 'Invalid wallbox command reply: outcome must be one of "result", "callError", "invalid", "timeout", "offline"'],
  ])('refuses the reply %j', (reply, message) => {
    expect(() => parseWallboxCommandReply(json(reply))).toThrow(message);
  });
});

describe('connection claim contract', () => {
  const claim = { identity: 'CP-1', connectionId: 'c-1', gatewayId: 'gw-1', connectedAt: 1_764_000_000_000 };

  it('passes a claim and refuses one without a usable connectedAt', () => {
    expect(parseConnectionClaim(json(claim))).toEqual(claim);
    expect(() => parseConnectionClaim(json({ ...claim, connectedAt: '2026' }))).toThrow(
      `Invalid connection claim: connectedAt must be an integer from 0 to ${Number.MAX_SAFE_INTEGER}`,
    );
    expect(() => parseConnectionClaim(json({ ...claim, identity: undefined }))).toThrow('Invalid connection claim: identity is missing');
  });
});
