import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  CENTRAL_SYSTEM_ACTIONS,
  CHARGE_POINT_ACTIONS,
  validateConfirmation,
  validateRequest,
  type OcppAction,
  type OcppErrorCode,
} from '../index';
import { compiledCheck } from './compiled-check';
import { messageClassOf } from './messages';
import { validateWithClassValidator } from './validation';

/**
 * The official OCPP 1.6 JSON schemas (as shipped by ocpp-rpc) are the oracle: for every message,
 * samples generated from its schema plus hand-written realistic ones must be judged alike by ajv
 * and by our class-validator classes, and every refusal must carry the expected OCPP-J error code.
 * Each validation path is held to it: the public one (the compiled check, then class-validator for
 * what it does not accept), class-validator alone, and the compiled check alone (valid or not).
 */

interface Schema {
  $id?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: string[];
  maxLength?: number;
  format?: 'date-time' | 'uri';
  multipleOf?: number;
  minItems?: number;
  /** The security whitepaper's schemas name their enumerations: `#/definitions/<name>`. */
  $ref?: string;
  definitions?: Record<string, Schema>;
}

type Path = (string | number)[];
type Direction = 'request' | 'confirmation';

interface Sample {
  name: string;
  payload: unknown;
  /** For an invalid sample: the code our validator must answer with. */
  code?: OcppErrorCode;
}

const schemaFile = join(__dirname, '../../../../node_modules/ocpp-rpc/lib/schemas/ocpp1_6.json');
const schemas = JSON.parse(readFileSync(schemaFile, 'utf8')) as Schema[];
const handWritten = JSON.parse(readFileSync(join(__dirname, 'schema-oracle.samples.json'), 'utf8')) as Record<
  string,
  Record<Direction, { valid: Sample[]; invalid: Sample[] }>
>;

// The tolerance ocpp-rpc itself gives `multipleOf` (7.4 / 0.1 is not an integer in binary floating point).
const ajv = new Ajv({ strict: false, multipleOfPrecision: 6 });
addFormats(ajv);
// Ajv's URI library refuses "urn:Authorize.req" as an id (a URN needs a namespace), so each schema
// is compiled under its id in a map instead.
const oracles = new Map(schemas.map(({ $id, ...schema }) => [$id, ajv.compile(schema)]));

const SUFFIX: Record<Direction, string> = { request: 'req', confirmation: 'conf' };

function schemaOf(action: string, direction: Direction): Schema {
  const schema = schemas.find((candidate) => candidate.$id === `urn:${action}.${SUFFIX[direction]}`);
  if (!schema) throw new Error(`no schema for ${action}.${SUFFIX[direction]}`);
  return withDefinitions(schema, schema.definitions ?? {});
}

/** The schema with each `$ref` to one of its definitions replaced by the definition. */
function withDefinitions(schema: Schema, definitions: Record<string, Schema>): Schema {
  if (schema.$ref) {
    const definition = definitions[schema.$ref.replace('#/definitions/', '')];
    if (!definition) throw new Error(`unresolved ${schema.$ref}`);
    return withDefinitions(definition, definitions);
  }
  const properties = schema.properties && Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, withDefinitions(value, definitions)]));
  return { ...schema, properties, items: schema.items && withDefinitions(schema.items, definitions), definitions: undefined };
}

function oracleOf(action: string, direction: Direction): ValidateFunction {
  const validate = oracles.get(`urn:${action}.${SUFFIX[direction]}`);
  if (!validate) throw new Error(`ajv has no schema for ${action}`);
  return validate;
}

// ---------------------------------------------------------------------------------------------
// Sample generation from a schema

type Node = Record<string | number, unknown>;

function itemsOf(schema: Schema): Schema {
  if (!schema.items) throw new Error('an array schema without items');
  return schema.items;
}

function at(sample: unknown, path: Path): Node {
  return path.reduce<Node>((node, key) => node[key] as Node, sample as Node);
}

function example(schema: Schema, full: boolean): unknown {
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([name]) => full || schema.required?.includes(name))
          .map(([name, property]) => [name, example(property, full)]),
      );
    case 'array':
      return full ? [example(itemsOf(schema), full), example(itemsOf(schema), full)] : [example(itemsOf(schema), full)];
    case 'string':
      if (schema.enum) return schema.enum[0];
      if (schema.format === 'date-time') return '2024-05-01T08:00:00Z';
      if (schema.format === 'uri') return 'ftp://user:password@diag.example.com/uploads/';
      return full && schema.maxLength ? 'A'.repeat(schema.maxLength) : 'text';
    case 'integer':
      return 1;
    case 'number':
      return 7.4;
    case 'boolean':
      return true;
    default:
      throw new Error(`schema type ${schema.type} not covered by the generator`);
  }
}

interface Field {
  path: Path;
  schema: Schema;
  required: boolean;
}

/** Every property (at any depth, first array element) and every object of a full sample. */
function walk(schema: Schema, path: Path = [], found = { fields: [] as Field[], objects: [] as Path[] }) {
  if (schema.type === 'object') {
    found.objects.push(path);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      found.fields.push({ path: [...path, name], schema: property, required: schema.required?.includes(name) ?? false });
      walk(property, [...path, name], found);
    }
  }
  if (schema.type === 'array') walk(itemsOf(schema), [...path, 0], found);
  return found;
}

function withValue(sample: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(sample);
  at(copy, path.slice(0, -1))[path[path.length - 1]] = value;
  return copy;
}

function without(sample: unknown, path: Path): unknown {
  const copy = structuredClone(sample);
  delete at(copy, path.slice(0, -1))[path[path.length - 1]];
  return copy;
}

/** Adds an own property, even one named `__proto__` (as JSON.parse creates it). */
function withExtra(sample: unknown, objectPath: Path, key: string): unknown {
  const copy = structuredClone(sample);
  Object.defineProperty(at(copy, objectPath), key, { value: 'surprise', enumerable: true, writable: true, configurable: true });
  return copy;
}

const VALID_DATE_TIMES = [
  '1970-01-01T00:00:00Z',
  '2024-02-29T23:59:59.999+01:00',
  '2024-05-01t08:00:00z',
  '2024-05-01 08:00:00Z',
  '2024-05-01T10:00:00+0200',
  '2024-05-01T08:00:00.123456789-05:30',
  '2016-12-31T23:59:60Z',
];
const INVALID_DATE_TIMES = [
  '2024-05-01T08:00:00',
  '2024-05-01',
  '2023-02-29T00:00:00Z',
  '2024-13-01T00:00:00Z',
  '2024-05-01T24:00:00Z',
  '2024-05-01T08:00:60Z',
  '2024-05-01T08:00:00+25:00',
  'yesterday',
  '',
];
const VALID_URIS = [
  'ftp://diag.example.com/uploads/',
  'https://firmware.example.com/fw/v1.2.3.bin?token=a%20b#part',
  'sftp://10.0.0.5:2222/diag',
  'http://[2001:db8::1]/upload',
  'urn:example:diagnostics',
];
const INVALID_URIS = ['not a uri', 'diag.example.com/uploads', 'ftp://host/my uploads', 'http://host/%zz', '//host/path', ''];

function validValues(schema: Schema): unknown[] {
  switch (schema.type) {
    case 'string':
      if (schema.enum) return schema.enum;
      if (schema.format === 'date-time') return VALID_DATE_TIMES;
      if (schema.format === 'uri') return VALID_URIS;
      if (schema.maxLength) return ['', 'A'.repeat(schema.maxLength), 'é'.repeat(schema.maxLength), '😀'.repeat(schema.maxLength)];
      return ['', 'a long text '.repeat(100)];
    case 'integer':
      return [0, -1, 2147483647];
    case 'number':
      return [0, 16, 0.1, 230.5, -3.2, 11000];
    case 'boolean':
      return [false];
    case 'array':
      return schema.minItems ? [] : [[]];
    default:
      return [];
  }
}

interface InvalidValue {
  label: string;
  value: unknown;
  code: OcppErrorCode;
}

/** `current` is the field's value in the full sample. */
function invalidValues(schema: Schema, current: unknown): InvalidValue[] {
  const type = (value: unknown, label = JSON.stringify(value)): InvalidValue => ({ label, value, code: 'TypeConstraintViolation' });
  const property = (value: unknown, label = JSON.stringify(value)): InvalidValue => ({ label, value, code: 'PropertyConstraintViolation' });
  const common = [type(null)];
  switch (schema.type) {
    case 'string': {
      const values = [...common, type(42), type(true), type(['text'])];
      if (schema.enum) values.push(property('NotAValue'), property(schema.enum[0].toLowerCase()), property(`${schema.enum[0]} `));
      if (schema.maxLength) {
        values.push(property('A'.repeat(schema.maxLength + 1), `${schema.maxLength + 1} characters`));
        values.push(property('😀'.repeat(schema.maxLength + 1), `${schema.maxLength + 1} emoji`));
      }
      if (schema.format === 'date-time') values.push(...INVALID_DATE_TIMES.map((value) => property(value)));
      if (schema.format === 'uri') values.push(...INVALID_URIS.map((value) => property(value)));
      return values;
    }
    case 'integer':
      return [...common, type('12'), type(1.5), type(true), type({})];
    case 'number':
      return [...common, type('7.4'), type(false), property(7.45), property(0.05)];
    case 'boolean':
      return [...common, type('true'), type(1)];
    case 'object':
      return [...common, type('x'), type([]), type([current], 'an array of it'), type(1)];
    case 'array':
      return [
        ...common,
        ...(schema.minItems ? [{ label: 'no entries', value: [], code: 'OccurenceConstraintViolation' as const }] : []),
        type({}),
        type('x'),
        type([schema.items?.type === 'object' ? 'x' : 1], 'an element of the wrong type'),
        type([current], 'a nested array'),
      ];
    default:
      return common;
  }
}

function generatedSamples(schema: Schema): { valid: Sample[]; invalid: Sample[] } {
  const full = example(schema, true);
  const valid: Sample[] = [
    { name: 'minimal', payload: example(schema, false) },
    { name: 'full', payload: full },
  ];
  const invalid: Sample[] = [];
  const { fields, objects } = walk(schema);
  for (const { path, schema: field, required } of fields) {
    const where = path.join('.');
    const current = at(full, path);
    for (const value of validValues(field)) {
      valid.push({ name: `${where} = ${JSON.stringify(value).slice(0, 40)}`, payload: withValue(full, path, value) });
    }
    if (!required) valid.push({ name: `${where} absent`, payload: without(full, path) });
    if (required) invalid.push({ name: `${where} missing`, payload: without(full, path), code: 'OccurenceConstraintViolation' });
    for (const { label, value, code } of invalidValues(field, current)) {
      invalid.push({ name: `${where} = ${label.slice(0, 40)}`, payload: withValue(full, path, value), code });
    }
  }
  for (const path of objects) {
    const prefix = path.length ? `${path.join('.')}.` : '';
    for (const key of ['unexpected', '__proto__', 'constructor', 'toString']) {
      invalid.push({ name: `extra property ${prefix}${key}`, payload: withExtra(full, path, key), code: 'FormationViolation' });
    }
  }
  return { valid, invalid };
}

// ---------------------------------------------------------------------------------------------

type Judgement = { ok: true } | { ok: false; error?: { code: OcppErrorCode; description: string } };
type ValidationPath = (action: OcppAction, direction: Direction, payload: unknown) => Judgement;

const VALIDATORS = { request: validateRequest, confirmation: validateConfirmation };

const PATHS: Record<string, ValidationPath> = {
  public: (action, direction, payload) => VALIDATORS[direction](action, payload),
  'class-validator alone': (action, direction, payload) => validateWithClassValidator(messageClassOf(action, direction), payload),
  'compiled check alone': (action, direction, payload) => ({
    ok: typeof payload === 'object' && payload !== null && !Array.isArray(payload) && compiledCheck(messageClassOf(action, direction))(payload as Record<string, unknown>),
  }),
};

function disagreements(path: string, action: OcppAction, direction: Direction, samples: { valid: Sample[]; invalid: Sample[] }): string[] {
  const oracle = oracleOf(action, direction);
  const ours = (payload: unknown) => PATHS[path](action, direction, payload);
  const found: string[] = [];
  const label = `${path}: ${action}.${SUFFIX[direction]}`;
  for (const sample of samples.valid) {
    const result = ours(sample.payload);
    if (!oracle(sample.payload)) found.push(`${label} valid sample "${sample.name}": the oracle refuses it`);
    if (!result.ok) found.push(`${label} valid sample "${sample.name}": refused with ${result.error?.code} "${result.error?.description}"`);
  }
  for (const sample of samples.invalid) {
    const result = ours(sample.payload);
    if (oracle(sample.payload)) found.push(`${label} invalid sample "${sample.name}": the oracle accepts it`);
    if (result.ok) found.push(`${label} invalid sample "${sample.name}": accepted`);
    else if (sample.code && result.error && result.error.code !== sample.code) {
      found.push(`${label} invalid sample "${sample.name}": ${result.error.code} ("${result.error.description}"), expected ${sample.code}`);
    }
  }
  return found;
}

const ACTIONS: OcppAction[] = [...new Set([...CHARGE_POINT_ACTIONS, ...CENTRAL_SYSTEM_ACTIONS])].sort();

describe('OCPP 1.6 messages against the official JSON schemas', () => {
  it('cover every action of the schema file', () => {
    const inSchemaFile = [...new Set(schemas.map((schema) => /^urn:(\w+)\.(req|conf)$/.exec(schema.$id ?? '')?.[1]))].sort();
    expect(inSchemaFile).toEqual(ACTIONS);
    expect(CHARGE_POINT_ACTIONS).toHaveLength(14);
    expect(CENTRAL_SYSTEM_ACTIONS).toHaveLength(26);
  });

  it('have hand-written realistic samples for every request and confirmation', () => {
    expect(Object.keys(handWritten).sort()).toEqual(ACTIONS);
  });

  describe.each(Object.keys(PATHS))('%s', (path) => {
    describe.each(ACTIONS)('%s', (action) => {
      it.each(['request', 'confirmation'] as const)('%s: agrees with the schema on every generated sample', (direction) => {
        const samples = generatedSamples(schemaOf(action, direction));
        expect(samples.valid.length + samples.invalid.length).toBeGreaterThan(1);
        expect(disagreements(path, action, direction, samples)).toEqual([]);
      });

      it.each(['request', 'confirmation'] as const)('%s: agrees with the schema on every hand-written sample', (direction) => {
        const samples = handWritten[action][direction];
        expect(samples.valid.length).toBeGreaterThan(0);
        expect(samples.invalid.length).toBeGreaterThan(0);
        expect(disagreements(path, action, direction, samples)).toEqual([]);
      });
    });
  });

  it('deliberately refuses an hours-only time zone offset, which is not RFC 3339 and which Date cannot read', () => {
    const payload = { currentTime: '2024-05-01T10:00:00+02' };
    expect(oracleOf('Heartbeat', 'confirmation')(payload)).toBe(true);
    expect(validateConfirmation('Heartbeat', payload)).toMatchObject({ ok: false, error: { code: 'PropertyConstraintViolation' } });
  });
});
