/**
 * A small schema language for the messages of Voltstream: one definition gives the TypeScript type
 * (`Infer`) and the runtime check. A check walks the schema, never the input: however deep a value
 * nests, the walk goes no deeper than the schema, and a field the schema leaves open (`jsonObject`)
 * is not entered. A value that fits allocates nothing; the path of a misfit is built only on failure.
 */
export interface Misfit {
  /** Field names and array indexes from the root to the misfit, innermost last. */
  path: (string | number)[];
  message: string;
}

export interface Schema<T> {
  /** undefined when the value fits the schema; otherwise where and why it does not. */
  readonly check: (value: unknown) => Misfit | undefined;
  /** Type only. Makes a schema invariant in T: a schema annotated with a declared type must match it exactly. */
  readonly __type?: (value: T) => T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** Any schema, whatever its type (Schema<unknown> would not do: schemas are invariant). */
export interface AnySchema {
  readonly check: (value: unknown) => Misfit | undefined;
  readonly __type?: (value: never) => unknown;
}
type Shape = Record<string, AnySchema>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoFields = {};
type Flatten<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<Required extends Shape, Optional extends Shape> = Flatten<
  { [K in keyof Required]: Infer<Required[K]> } & { [K in keyof Optional]?: Infer<Optional[K]> }
>;

function schema<T>(check: (value: unknown) => Misfit | undefined): Schema<T> {
  return { check };
}

function misfit(message: string): Misfit {
  return { path: [], message };
}

/** Adds the step to `child` on the way out of a failed check. */
function inside(step: string | number, child: Misfit | undefined): Misfit | undefined {
  if (child) child.path.unshift(step);
  return child;
}

export function describeMisfit({ path, message }: Misfit): string {
  let where = '';
  for (const step of path) where += typeof step === 'number' ? `[${step}]` : where === '' ? step : `.${step}`;
  return where === '' ? message : `${where} ${message}`;
}

export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;

export function string(limits: { min?: number; max?: number } = {}): Schema<string> {
  const { min = 0, max = Infinity } = limits;
  return schema((value) => {
    if (typeof value !== 'string') return misfit(min > 0 ? 'must be a non-empty string' : 'must be a string');
    if (value.length < min) return misfit(min === 1 ? 'must be a non-empty string' : `must be at least ${min} characters`);
    if (value.length > max && codePoints(value) > max) return misfit(`must be at most ${max} characters`);
    return undefined;
  });
}

/** Characters as JSON schema and OCPP count them: a surrogate pair is one. */
function codePoints(value: string): number {
  let count = value.length;
  for (let index = 0; index < value.length - 1; index++) {
    const code = value.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        index++;
      }
    }
  }
  return count;
}

/** An integer within [min, max]; by default a 32-bit signed integer, as OCPP and the read models hold them. */
export function integer(min = INT32_MIN, max = INT32_MAX): Schema<number> {
  return schema((value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : misfit(`must be an integer from ${min} to ${max}`),
  );
}

export function number(): Schema<number> {
  return schema((value) => (typeof value === 'number' && Number.isFinite(value) ? undefined : misfit('must be a finite number')));
}

export function boolean(): Schema<boolean> {
  return schema((value) => (typeof value === 'boolean' ? undefined : misfit('must be true or false')));
}

export function oneOf<const Values extends readonly (string | number)[]>(values: Values): Schema<Values[number]> {
  const expected = `must be one of ${values.map((value) => JSON.stringify(value)).join(', ')}`;
  return schema((value) => (values.includes(value as Values[number]) ? undefined : misfit(expected)));
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return schema((value) => (value === null ? undefined : inner.check(value)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function array<T>(item: Schema<T>, maxLength = Infinity): Schema<T[]> {
  return schema((value) => {
    if (!Array.isArray(value)) return misfit('must be an array');
    if (value.length > maxLength) return misfit(`must hold at most ${maxLength} items`);
    for (let index = 0; index < value.length; index++) {
      const failed = inside(index, item.check(value[index]));
      if (failed) return failed;
    }
    return undefined;
  });
}

/**
 * An object with `required` fields and `optional` ones (absent or undefined). Fields the schema
 * does not name are let through untouched: a reader tolerates what a newer writer adds.
 */
export function object<Required extends Shape>(required: Required): Schema<ObjectOf<Required, NoFields>>;
export function object<Required extends Shape, Optional extends Shape>(
  required: Required,
  optional: Optional,
): Schema<ObjectOf<Required, Optional>>;
export function object(required: Shape, optional: Shape = {}): Schema<Record<string, unknown>> {
  const requiredNames = Object.keys(required);
  const requiredSchemas = Object.values(required);
  const optionalNames = Object.keys(optional);
  const optionalSchemas = Object.values(optional);
  return schema((value) => {
    if (!isObject(value)) return misfit('must be an object');
    for (let index = 0; index < requiredNames.length; index++) {
      const fieldValue = value[requiredNames[index]];
      const failed = fieldValue === undefined ? misfit('is missing') : requiredSchemas[index].check(fieldValue);
      if (failed) return inside(requiredNames[index], failed);
    }
    for (let index = 0; index < optionalNames.length; index++) {
      const fieldValue = value[optionalNames[index]];
      const failed = fieldValue === undefined ? undefined : optionalSchemas[index].check(fieldValue);
      if (failed) return inside(optionalNames[index], failed);
    }
    return undefined;
  });
}

/** A JSON object whose content another layer checks (an OCPP payload); it is not entered here. */
export function jsonObject(): Schema<Record<string, unknown>> {
  return schema((value) => (isObject(value) ? undefined : misfit('must be an object')));
}

/** An object that carries nothing. */
export function empty(): Schema<Record<string, never>> {
  return schema((value) => {
    if (!isObject(value)) return misfit('must be an object');
    for (const name in value) return inside(name, misfit('is not expected'));
    return undefined;
  });
}

/** One of several object shapes, told apart by the string in `tag`. */
export function union<Tag extends string, Variants extends Record<string, AnySchema>>(
  tag: Tag,
  variants: Variants,
): Schema<{ [K in keyof Variants & string]: Flatten<Infer<Variants[K]> & Record<Tag, K>> }[keyof Variants & string]> {
  const expected = `must be one of ${Object.keys(variants).map((name) => JSON.stringify(name)).join(', ')}`;
  return schema((value) => {
    if (!isObject(value)) return misfit('must be an object');
    const name = value[tag];
    const variant = typeof name === 'string' && Object.hasOwn(variants, name) ? variants[name] : undefined;
    return variant ? variant.check(value) : inside(tag, misfit(expected));
  });
}
