import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { CENTRAL_SYSTEM_ACTIONS, CHARGE_POINT_ACTIONS, type ChargePointAction, type OcppErrorCode } from '@voltstream/ocpp';

/**
 * Generated hostile frames for the fuzz tests, each with the answer a gateway owes it. What a
 * field may hold is read from the official OCPP 1.6 JSON schemas (the oracle of libs/ocpp), so
 * that every field of every call a wallbox sends is covered; what OCPP and the read models allow
 * beyond the schemas (value-limits.ts) is restated here as the test's own oracle.
 */
export type Expected = { answer: 'result' } | { answer: 'error'; code: OcppErrorCode };

export interface HostileFrame {
  /** What it tries, for the report of a failure. */
  kind: string;
  action: string;
  /** The payload as JSON text (a prototype key cannot be written any other way). */
  payloadText: string;
  expected: Expected;
}

interface Schema {
  $id?: string;
  /** The whitepaper's schemas name their enums: `#/definitions/<name>`. */
  $ref?: string;
  definitions?: Record<string, Schema>;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: string[];
  maxLength?: number;
  format?: string;
}

type Path = (string | number)[];
interface Field {
  path: Path;
  schema: Schema;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const at = '2026-03-01T12:00:00.000Z';
const RESULT: Expected = { answer: 'result' };
const error = (code: OcppErrorCode): Expected => ({ answer: 'error', code });

/** A valid call of every action a wallbox sends, with every optional integer field present. */
export const VALID_CALLS: Record<ChargePointAction, Record<string, unknown>> = {
  Authorize: { idTag: 'TAG-1' },
  BootNotification: { chargePointVendor: 'Acme', chargePointModel: 'One', chargePointSerialNumber: 'S-1', firmwareVersion: '1.0' },
  DataTransfer: { vendorId: 'com.example', messageId: 'm', data: 'payload' },
  DiagnosticsStatusNotification: { status: 'Idle' },
  FirmwareStatusNotification: { status: 'Idle' },
  Heartbeat: {},
  SecurityEventNotification: { type: 'InvalidFirmwareSignature', timestamp: at, techInfo: 'fw 2.4.1' },
  LogStatusNotification: { status: 'Uploaded', requestId: 7 },
  SignedFirmwareStatusNotification: { status: 'SignatureVerified', requestId: 3 },
  SignCertificate: { csr: '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n' },
  MeterValues: {
    connectorId: 1,
    transactionId: 1001,
    meterValue: [{ timestamp: at, sampledValue: [{ value: '1500', context: 'Sample.Periodic', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }],
  },
  StartTransaction: { connectorId: 1, idTag: 'TAG-1', meterStart: 0, reservationId: 5, timestamp: at },
  StatusNotification: { connectorId: 1, status: 'Available', errorCode: 'NoError', info: 'ok', vendorId: 'acme', timestamp: at },
  StopTransaction: {
    transactionId: 1001,
    idTag: 'TAG-1',
    meterStop: 1500,
    timestamp: at,
    reason: 'Local',
    transactionData: [{ timestamp: at, sampledValue: [{ value: '1500' }] }],
  },
};

/** The lowest value OCPP allows an integer field beyond its 32 bits; INT32_MIN where it names none. */
export function lowestOf(action: string, field: string): number {
  if (field === 'connectorId') return action === 'StartTransaction' ? 1 : 0;
  return field === 'meterStart' || field === 'meterStop' ? 0 : INT32_MIN;
}

const schemas = JSON.parse(readFileSync(require.resolve('ocpp-rpc/lib/schemas/ocpp1_6.json'), 'utf8')) as Schema[];

function requestSchema(action: string): Schema {
  const schema = schemas.find((candidate) => candidate.$id === `urn:${action}.req`);
  if (!schema) throw new Error(`no official schema for ${action}.req`);
  return withDefinitions(schema, schema.definitions ?? {});
}

/** The schema with each `$ref` replaced by the definition it names, however deep. */
function withDefinitions(schema: Schema, definitions: Record<string, Schema>): Schema {
  const own = schema.$ref ? definitions[schema.$ref.replace('#/definitions/', '')] : schema;
  if (!own) throw new Error(`no definition for ${schema.$ref}`);
  const properties = own.properties && Object.fromEntries(Object.entries(own.properties).map(([name, property]) => [name, withDefinitions(property, definitions)]));
  const items = own.items && withDefinitions(own.items, definitions);
  return { ...own, properties, items };
}

/** Every field of the schema that the valid call holds, nested ones included (arrays at their first entry). */
function fieldsOf(schema: Schema, value: unknown, path: Path = []): Field[] {
  if (schema.type === 'object' && typeof value === 'object' && value !== null) {
    return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
      const child = (value as Record<string, unknown>)[name];
      return child === undefined ? [] : [{ path: [...path, name], schema: property }, ...fieldsOf(property, child, [...path, name])];
    });
  }
  if (schema.type === 'array' && schema.items && Array.isArray(value) && value.length > 0) return fieldsOf(schema.items, value[0], [...path, 0]);
  return [];
}

/** Every integer property any station request schema declares, however deep, by action and name. */
export function integerFieldsOfSchemas(): string[] {
  const walk = (schema: Schema, action: string): string[] =>
    Object.entries(schema.properties ?? {}).flatMap(([name, property]) => [
      ...(property.type === 'integer' ? [`${action}.${name}`] : []),
      ...walk(property.type === 'array' ? (property.items ?? {}) : property, action),
    ]);
  return CHARGE_POINT_ACTIONS.flatMap((action) => walk(requestSchema(action), action));
}

export const FIELDS: Record<ChargePointAction, Field[]> = Object.fromEntries(
  CHARGE_POINT_ACTIONS.map((action) => [action, fieldsOf(requestSchema(action), VALID_CALLS[action])]),
) as Record<ChargePointAction, Field[]>;

function valueAt(payload: unknown, path: Path): unknown {
  return path.reduce((value: unknown, step) => (value as Record<string | number, unknown>)[step], payload);
}

function withValue(payload: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(payload) as Record<string | number, unknown>;
  let target = copy;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  target[path[path.length - 1]] = value;
  return copy;
}

/** A schema-valid call beyond value-limits.ts: its CALLERROR, but a StopTransaction is confirmed all the same (OCPP 1.6 §4.10). */
const refusedByLimits = (action: ChargePointAction, code: OcppErrorCode): Expected => (action === 'StopTransaction' ? RESULT : error(code));

const actions = fc.constantFrom(...CHARGE_POINT_ACTIONS);
const fieldOf = (action: ChargePointAction, accepts: (field: Field) => boolean) => fc.constantFrom(...FIELDS[action].filter(accepts));
const hasFields = (accepts: (field: Field) => boolean) => CHARGE_POINT_ACTIONS.filter((action) => FIELDS[action].some(accepts));
const mutated = (kind: string, action: ChargePointAction, path: Path, value: unknown, expected: Expected): HostileFrame => ({
  kind: `${kind} at ${path.join('.')}`,
  action,
  payloadText: JSON.stringify(withValue(VALID_CALLS[action], path, value)),
  expected,
});

const valid = actions.map((action): HostileFrame => ({ kind: 'valid', action, payloadText: JSON.stringify(VALID_CALLS[action]), expected: RESULT }));

const isInteger = (field: Field) => field.schema.type === 'integer';
/** Out of 32 bits (TypeConstraintViolation) or below what OCPP allows the field (PropertyConstraintViolation). */
const outOfRange = fc.constantFrom(...hasFields(isInteger)).chain((action) =>
  fieldOf(action, isInteger).chain(({ path }) => {
    const lowest = lowestOf(action, String(path[path.length - 1]));
    const beyond = fc.oneof(
      fc.integer({ min: INT32_MAX + 1, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: INT32_MIN - 1 }),
      fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1e20, -1e20, 1e308),
    );
    const belowRange = (value: number) => mutated('below range', action, path, value, refusedByLimits(action, 'PropertyConstraintViolation'));
    const below = lowest > INT32_MIN ? [fc.integer({ min: INT32_MIN, max: lowest - 1 }).map(belowRange)] : [];
    return fc.oneof(beyond.map((value) => mutated('beyond 32 bits', action, path, value, refusedByLimits(action, 'TypeConstraintViolation'))), ...below);
  }),
);

/** An energy register reading the read models could not hold. */
const registerOutOfRange = fc
  .oneof(fc.integer({ min: INT32_MAX + 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: -1_000_000, max: -1 }), fc.constantFrom(1e20, 2 ** 31))
  .map((wh) => mutated('register reading', 'MeterValues', ['meterValue', 0, 'sampledValue', 0, 'value'], String(wh), error('PropertyConstraintViolation')));

/** A value of another JSON type than the schema's (null included): TypeConstraintViolation. */
const wrongType = actions
  .filter((action) => FIELDS[action].length > 0)
  .chain((action) =>
    fieldOf(action, () => true).chain(({ path, schema }) =>
      fc
        .oneof(fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 10 }), fc.constant([]), fc.constant({}))
        .filter((value) => !fitsType(schema, value))
        .map((value) => mutated('wrong type', action, path, value, error('TypeConstraintViolation'))),
    ),
  );

function fitsType(schema: Schema, value: unknown): boolean {
  switch (schema.type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    default:
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

const isBoundedText = (field: Field) => field.schema.type === 'string' && field.schema.maxLength !== undefined && !field.schema.enum && !field.schema.format;
/** Longer than the schema's maxLength, up to 20,000 characters (120 KB of `\u0000`, under the 128 KiB frame): PropertyConstraintViolation. */
const overlong = fc.constantFrom(...hasFields(isBoundedText)).chain((action) =>
  fieldOf(action, isBoundedText).chain(({ path, schema }) =>
    fc
      .integer({ min: (schema.maxLength ?? 0) + 1, max: 20_000 })
      .chain((length) => fc.constantFrom('A', 'é', '😀', '\u0000').map((unit) => unit.repeat(length)))
      .map((text) => mutated('overlong text', action, path, text, error('PropertyConstraintViolation'))),
  ),
);

const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Any Unicode within the length, lone surrogates and U+0000 too: stored, or PropertyConstraintViolation for what PostgreSQL cannot hold. */
const unicodeText = fc.constantFrom(...hasFields(isBoundedText)).chain((action) =>
  fieldOf(action, isBoundedText).chain(({ path, schema }) =>
    fc
      .oneof(fc.string({ unit: 'binary', maxLength: schema.maxLength }), fc.string({ unit: fc.constantFrom('a', '\uD800', '\uDC00', '\u0000', '😀'), maxLength: schema.maxLength }))
      .map((text) => mutated('unicode text', action, path, text, UNSTORABLE.test(text) ? refusedByLimits(action, 'PropertyConstraintViolation') : RESULT)),
  ),
);

/** DataTransfer's data has no limit but the frame's 128 KiB. */
const hugeData = fc
  .integer({ min: 10_000, max: 100_000 })
  .map((length): HostileFrame => mutated('huge data', 'DataTransfer', ['data'], 'x'.repeat(length), RESULT));

/** A field's value nested `levels` deep, of objects or arrays: FormationViolation before anything walks it. */
const deep = fc.tuple(actions, fc.integer({ min: 16, max: 5_000 }), fc.boolean()).map(([action, levels, arrays]): HostileFrame => {
  const nested = arrays ? `${'['.repeat(levels)}${']'.repeat(levels)}` : `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;
  const [first] = FIELDS[action];
  const payloadText = first
    ? JSON.stringify(withValue(VALID_CALLS[action], first.path, '@@')).replace('"@@"', nested)
    : `{"x":${nested}}`;
  return { kind: `nested ${levels} levels`, action, payloadText, expected: error('FormationViolation') };
});

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];
/** A key of Object.prototype at the top or in a nested object: FormationViolation. */
const prototypeKey = fc.tuple(actions, fc.constantFrom(...PROTOTYPE_KEYS), fc.boolean()).map(([action, key, nestedIn]): HostileFrame => {
  const call = VALID_CALLS[action];
  const nestedObject = FIELDS[action].find((field) => field.schema.type === 'object');
  const text = JSON.stringify(
    nestedIn && nestedObject ? withValue(call, nestedObject.path, { '@@': 1, ...(valueAt(call, nestedObject.path) as object) }) : { '@@': 1, ...call },
  );
  return { kind: `prototype key ${key}`, action, payloadText: text.replace('"@@":1', `${JSON.stringify(key)}:{"polluted":true}`), expected: error('FormationViolation') };
});

const KNOWN_ACTIONS: ReadonlySet<string> = new Set([...CHARGE_POINT_ACTIONS, ...CENTRAL_SYSTEM_ACTIONS]);
const unknownAction = fc
  .oneof(fc.string({ maxLength: 40 }), fc.constantFrom('toString', '__proto__', 'constructor', 'heartbeat'))
  .filter((action) => !KNOWN_ACTIONS.has(action))
  .map((action): HostileFrame => ({ kind: 'unknown action', action, payloadText: '{}', expected: error('NotImplemented') }));
const centralSystemAction = fc
  .constantFrom(['ClearCache', {}], ['GetLocalListVersion', {}], ['Reset', { type: 'Hard' }], ['RemoteStopTransaction', { transactionId: 2 ** 31 }])
  .map(([action, payload]): HostileFrame => ({ kind: 'central system action', action: action as string, payloadText: JSON.stringify(payload), expected: error('NotSupported') }));

/** One hostile frame: mostly attacks, now and then a valid call between them. */
export const hostileFrame: fc.Arbitrary<HostileFrame> = fc
  .oneof(valid, outOfRange, registerOutOfRange, wrongType, overlong, unicodeText, hugeData, deep, prototypeKey, unknownAction, centralSystemAction)
  .map(described);

/** How fast-check shows a frame in a counterexample: its start only, as a frame may be 128 KiB. */
function described(frame: HostileFrame): HostileFrame {
  return Object.assign(frame, { [fc.toStringMethod]: () => `${frame.kind} (${frame.action}): ${frame.payloadText.slice(0, 200)}` });
}

/** The CALL text of a hostile frame. */
export function callText(uniqueId: string, frame: HostileFrame): string {
  return `[2,${JSON.stringify(uniqueId)},${JSON.stringify(frame.action)},${frame.payloadText}]`;
}
