import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { hasAtMostCodePoints, isDateTime, isMultipleOf, isUri } from './formats';

/**
 * The vocabulary the message classes are written in: one decorator per JSON Schema field,
 * `@Required(ciString(20))` for `{ type: string, maxLength: 20 }` in `required`. The checks of a
 * field run in the order listed, and only the first failing one is reported.
 */
export type FieldType = readonly PropertyDecorator[];

/** Names of the constraints a validation error can carry (see validation.ts for their codes). */
export const CONSTRAINT = {
  required: 'isDefined',
  maxLength: 'maxLength',
  dateTime: 'isDateTime',
  uri: 'isUri',
  multipleOf: 'multipleOf',
  minItems: 'minItems',
} as const;

export interface MaxLengthContext {
  maxLength: number;
}

function maxLength(max: number, each = false): PropertyDecorator {
  const context: MaxLengthContext = { maxLength: max };
  return ValidateBy(
    { name: CONSTRAINT.maxLength, validator: { validate: (value) => typeof value !== 'string' || hasAtMostCodePoints(value, max) } },
    { each, context, message: each ? `each entry must be at most ${max} characters` : `must be at most ${max} characters` },
  );
}

const string = IsString({ message: 'must be a string' });

export function ciString(max: number): FieldType {
  return [string, maxLength(max)];
}

/** A string without a length limit (DataTransfer `data`). */
export const text: FieldType = [string];

export const integer: FieldType = [IsInt({ message: 'must be an integer' })];

export const decimal: FieldType = [IsNumber({}, { message: 'must be a number' })];

/** OCPP decimals with "at most one digit fraction" (`multipleOf: 0.1`): charging rate limits. */
export const decimalTenths: FieldType = [
  ...decimal,
  ValidateBy(
    { name: CONSTRAINT.multipleOf, validator: { validate: (value) => typeof value !== 'number' || isMultipleOf(value, 0.1) } },
    { message: 'must have at most one decimal digit' },
  ),
];

export const boolean: FieldType = [IsBoolean({ message: 'must be a boolean' })];

export const dateTime: FieldType = [
  string,
  ValidateBy(
    { name: CONSTRAINT.dateTime, validator: { validate: (value) => typeof value !== 'string' || isDateTime(value) } },
    { message: 'must be an RFC 3339 date-time with a time zone' },
  ),
];

export const uri: FieldType = [
  string,
  ValidateBy(
    { name: CONSTRAINT.uri, validator: { validate: (value) => typeof value !== 'string' || isUri(value) } },
    { message: 'must be an absolute URI' },
  ),
];

export function oneOf(values: readonly string[]): FieldType {
  return [string, IsIn(values as string[], { message: `must be one of ${values.join(', ')}` })];
}

type ClassOf<T> = new () => T;

/** The class of each nested field, by message class and property (class-transformer keeps its own copy private). */
const NESTED_TYPES = new WeakMap<object, Map<string, () => ClassOf<object>>>();

function NestedType<T extends object>(type: () => ClassOf<T>): PropertyDecorator {
  return (target, property) => {
    const types = NESTED_TYPES.get(target.constructor) ?? new Map<string, () => ClassOf<object>>();
    types.set(String(property), type);
    NESTED_TYPES.set(target.constructor, types);
  };
}

/** The class a nested field of `messageClass` is validated as; undefined for a field that is not nested. */
export function nestedTypeOf(messageClass: object, property: string): ClassOf<object> | undefined {
  return NESTED_TYPES.get(messageClass)?.get(property)?.();
}

export function nested<T extends object>(type: () => ClassOf<T>): FieldType {
  return [
    IsObject({ message: 'must be an object' }),
    ValidateNested({ message: 'must be an object' }),
    Type(type),
    NestedType(type),
  ];
}

/** A list of objects of `type`; `minItems` as the schema's (the whitepaper's `certificateHashData`). */
export function nestedList<T extends object>(type: () => ClassOf<T>, minItems = 0): FieldType {
  return [
    IsArray({ message: 'must be an array' }),
    ...(minItems > 0 ? [atLeast(minItems)] : []),
    IsObject({ each: true, message: 'must contain only objects' }),
    ValidateNested({ each: true, message: 'must contain only objects' }),
    Type(type),
    NestedType(type),
  ];
}

function atLeast(minItems: number): PropertyDecorator {
  return ValidateBy(
    { name: CONSTRAINT.minItems, validator: { validate: (value) => !Array.isArray(value) || value.length >= minItems } },
    { message: `must have at least ${minItems} ${minItems === 1 ? 'entry' : 'entries'}` },
  );
}

export function ciStringList(max: number): FieldType {
  return [
    IsArray({ message: 'must be an array' }),
    IsString({ each: true, message: 'must contain only strings' }),
    maxLength(max, true),
  ];
}

function apply(checks: FieldType): PropertyDecorator {
  return (target, property) => {
    for (const check of checks) check(target, property);
  };
}

/** A field listed in the schema's `required`. */
export function Required(type: FieldType): PropertyDecorator {
  return apply([IsDefined({ message: 'is required' }), ...type]);
}

/** A field that may be absent; when present it must be valid (`null` is not absent in JSON Schema). */
export function Optional(type: FieldType): PropertyDecorator {
  return apply([ValidateIf((_object, value) => value !== undefined), ...type]);
}
