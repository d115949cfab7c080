import { instanceToPlain, plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import type { Relaxation } from '@voltstream/contracts';
import { OcppError, type OcppErrorCode } from '../errors';
import { isJsonObject } from '../framing';
import { MAX_PAYLOAD_DEPTH, nestsDeeperThan } from '../nesting';
import { compiledCheck } from './compiled-check';
import { CONSTRAINT, type MaxLengthContext } from './fields';
import { truncateCodePoints } from './formats';

export interface ValidationOptions {
  /** Quirks this charge point is allowed (see Relaxation); strict when absent or empty. */
  relaxations?: readonly Relaxation[];
}

export type Validated<T> = { ok: true; value: T } | { ok: false; error: OcppError };

type JsonObject = Record<string, unknown>;
export type MessageClass = new () => object;

const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  // Payloads without any field (Heartbeat.req) have no metadata; the whitelist still refuses any property.
  forbidUnknownValues: false,
  stopAtFirstError: true,
  // The repairs of the relaxations need the object and the value of each violation.
  validationError: { target: true, value: true },
};

const WHITELIST = 'whitelistValidation';

/** OCPP-J 1.6 §4.2.3: which CALLERROR code a failed constraint is answered with. */
const CODE_OF_CONSTRAINT: Record<string, OcppErrorCode> = {
  [CONSTRAINT.required]: 'OccurenceConstraintViolation',
  isString: 'TypeConstraintViolation',
  isInt: 'TypeConstraintViolation',
  isNumber: 'TypeConstraintViolation',
  isBoolean: 'TypeConstraintViolation',
  isObject: 'TypeConstraintViolation',
  isArray: 'TypeConstraintViolation',
  nestedValidation: 'TypeConstraintViolation',
  isIn: 'PropertyConstraintViolation',
  [CONSTRAINT.maxLength]: 'PropertyConstraintViolation',
  [CONSTRAINT.dateTime]: 'PropertyConstraintViolation',
  [CONSTRAINT.uri]: 'PropertyConstraintViolation',
  [CONSTRAINT.multipleOf]: 'PropertyConstraintViolation',
  [CONSTRAINT.minItems]: 'OccurenceConstraintViolation',
  [WHITELIST]: 'FormationViolation',
};

/**
 * Validates a payload against its message class. A valid payload is returned as it came (no
 * copy); a payload the relaxations had to repair is returned repaired, as a new plain object.
 * A valid payload takes the compiled check alone; any other is judged by class-validator.
 */
export function validatePayload(type: MessageClass, payload: unknown, options?: ValidationOptions): Validated<JsonObject> {
  if (isJsonObject(payload) && compiledCheck(type)(payload)) return { ok: true, value: payload };
  return validateWithClassValidator(type, payload, options);
}

/** The reference path: class-transformer and class-validator, with the relaxations' repairs. */
export function validateWithClassValidator(type: MessageClass, payload: unknown, options?: ValidationOptions): Validated<JsonObject> {
  if (!isJsonObject(payload)) return invalid('FormationViolation', 'payload must be a JSON object');
  // Operator commands reach validation without framing: every walk below relies on this bound.
  if (nestsDeeperThan(payload, MAX_PAYLOAD_DEPTH)) return invalid('FormationViolation', `payload is nested deeper than ${MAX_PAYLOAD_DEPTH} levels`);
  const relaxations = options?.relaxations ?? [];
  const shadowingKey = findPrototypeKey(payload);
  if (shadowingKey !== null && !relaxations.includes('ignoreUnknownProperties')) {
    return invalid('FormationViolation', `${shadowingKey.reduce(pathOf, '')}: is not a defined property`);
  }
  const instance = plainToInstance(type, payload);
  let repaired = shadowingKey !== null;
  for (;;) {
    const errors = validateSync(instance, VALIDATOR_OPTIONS);
    if (errors.length === 0) return { ok: true, value: repaired ? (instanceToPlain(instance) as JsonObject) : payload };
    if (!repairAll(errors, relaxations)) return { ok: false, error: mostRelevant(errors) };
    repaired = true;
  }
}

export function invalid(code: OcppErrorCode, description: string): { ok: false; error: OcppError } {
  return { ok: false, error: new OcppError(code, description) };
}

/**
 * class-transformer silently skips keys such as `__proto__`, `constructor` or `toString` (to
 * protect prototypes), so the whitelist never sees them; no OCPP property has such a name.
 * Returns the path to the first one, built only when found (this runs on every payload). Its
 * recursion is bounded: deeper payloads were refused before (MAX_PAYLOAD_DEPTH).
 */
function findPrototypeKey(value: unknown): string[] | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findPrototypeKey(value[i]);
      if (found !== null) return [String(i), ...found];
    }
    return null;
  }
  if (!isJsonObject(value)) return null;
  for (const key in value) {
    if (key in Object.prototype) return [key];
    const found = findPrototypeKey(value[key]);
    if (found !== null) return [key, ...found];
  }
  return null;
}

/** Each validation error carries one constraint (stopAtFirstError), or children when nested. */
function constraintOf(error: ValidationError): string | undefined {
  return error.constraints ? Object.keys(error.constraints)[0] : undefined;
}

/**
 * The violation reported when there are several: a missing field before a wrong type, before a
 * wrong value, before an unknown property (often the same field misspelled).
 */
const PRECEDENCE: readonly OcppErrorCode[] = [
  'OccurenceConstraintViolation',
  'TypeConstraintViolation',
  'PropertyConstraintViolation',
  'FormationViolation',
];

function mostRelevant(errors: readonly ValidationError[]): OcppError {
  const violations = errors.flatMap((error) => violationsOf(error, ''));
  return violations.reduce((best, candidate) =>
    PRECEDENCE.indexOf(candidate.code) < PRECEDENCE.indexOf(best.code) ? candidate : best,
  );
}

function violationsOf(error: ValidationError, parentPath: string): OcppError[] {
  const path = pathOf(parentPath, error.property);
  const constraint = constraintOf(error);
  if (constraint === undefined) return (error.children ?? []).flatMap((child) => violationsOf(child, path));
  if (constraint === CONSTRAINT.required && error.value === null) {
    return [new OcppError('TypeConstraintViolation', `${path}: must not be null`)];
  }
  const reason = constraint === WHITELIST ? 'is not a defined property' : error.constraints?.[constraint];
  return [new OcppError(CODE_OF_CONSTRAINT[constraint] ?? 'FormationViolation', `${path}: ${reason}`)];
}

function pathOf(parentPath: string, property: string | undefined): string {
  if (property === undefined) return parentPath;
  if (/^\d+$/.test(property)) return `${parentPath}[${property}]`;
  return parentPath ? `${parentPath}.${property}` : property;
}

type Repair = (target: Record<string, unknown>, property: string, error: ValidationError) => boolean;

const NUMERIC_STRING = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const REPAIRS: Record<Relaxation, { constraints: readonly string[]; repair: Repair }> = {
  truncateOverlongStrings: {
    constraints: [CONSTRAINT.maxLength],
    repair: (target, property, error) => {
      const max = (error.contexts?.[CONSTRAINT.maxLength] as MaxLengthContext).maxLength;
      const value = target[property];
      target[property] = Array.isArray(value)
        ? value.map((entry: unknown) => (typeof entry === 'string' ? truncateCodePoints(entry, max) : entry))
        : truncateCodePoints(value as string, max);
      return true;
    },
  },
  ignoreUnknownProperties: {
    constraints: [WHITELIST],
    repair: (target, property) => delete target[property],
  },
  acceptNumericStrings: {
    constraints: ['isInt', 'isNumber'],
    repair: (target, property) => {
      const value = target[property];
      if (typeof value !== 'string' || !NUMERIC_STRING.test(value.trim())) return false;
      target[property] = Number(value);
      return true;
    },
  },
};

/**
 * Applies every repair the relaxations allow, in place; false when nothing could be repaired.
 * A repair removes its violation for good (shorter string, deleted key, string become number), so
 * validatePayload's loop ends.
 */
function repairAll(errors: readonly ValidationError[], relaxations: readonly Relaxation[]): boolean {
  let repairedAny = false;
  for (const error of errors) {
    if (error.children?.length) repairedAny = repairAll(error.children, relaxations) || repairedAny;
    const constraint = constraintOf(error);
    if (constraint === undefined || error.property === undefined) continue;
    const relaxation = relaxations.find((candidate) => REPAIRS[candidate].constraints.includes(constraint));
    if (relaxation === undefined) continue;
    repairedAny = REPAIRS[relaxation].repair(error.target as Record<string, unknown>, error.property, error) || repairedAny;
  }
  return repairedAny;
}
