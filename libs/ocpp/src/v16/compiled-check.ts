import { getMetadataStorage, ValidationTypes, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { isJsonObject } from '../framing';
import { nestedTypeOf } from './fields';

/**
 * The fast path of validation, for the common case of a valid payload: a check compiled once per
 * message class from the class-validator metadata its decorators registered, so the classes stay
 * the one definition. It runs the same constraints, in the same order, on the plain JSON — without
 * class-transformer, ValidationError objects or the metadata look-ups class-validator does on
 * every call — and only says whether a payload is valid. Whenever it is not, validatePayload asks
 * class-validator itself, so every refusal, its code and the relaxations' repairs come from one
 * place. schema-oracle.spec.ts proves that both paths judge every sample alike.
 */
type JsonObject = Record<string, unknown>;
export type PayloadCheck = (payload: JsonObject) => boolean;
type PropertyCheck = (object: JsonObject, value: unknown) => boolean;
type MessageClass = new () => object;

const storage = getMetadataStorage();
type Metadata = ReturnType<typeof storage.getTargetValidationMetadatas>[number];

const COMPILED_TYPES: ReadonlySet<string> = new Set([
  ValidationTypes.IS_DEFINED,
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.WHITELIST,
]);

const checks = new Map<MessageClass, PayloadCheck>();

/** The compiled check of a message class; compiled at its first use. */
export function compiledCheck(type: MessageClass): PayloadCheck {
  let check = checks.get(type);
  if (check === undefined) {
    check = compileClass(type);
    checks.set(type, check);
  }
  return check;
}

/** Every key a defined property (the whitelist), every property valid. */
function compileClass(type: MessageClass): PayloadCheck {
  const byProperty = storage.groupByPropertyName(storage.getTargetValidationMetadatas(type, '', false, false));
  const known: ReadonlySet<string> = new Set(Object.keys(byProperty));
  const properties = Object.entries(byProperty).map(([property, metadatas]) => ({ property, check: compileProperty(type, property, metadatas) }));
  return (payload) => {
    for (const key in payload) if (!known.has(key)) return false;
    for (const { property, check } of properties) if (!check(payload, payload[property])) return false;
    return true;
  };
}

/** As class-validator's performValidations: conditions, then isDefined, the constraints, nested objects. */
function compileProperty(type: MessageClass, property: string, metadatas: Metadata[]): PropertyCheck {
  const unsupported = metadatas.find((metadata) => !COMPILED_TYPES.has(metadata.type));
  if (unsupported) throw new Error(`${type.name}.${property}: ${unsupported.type} has no compiled check`);
  const ofType = (validationType: string) => metadatas.filter((metadata) => metadata.type === validationType);
  const conditions = ofType(ValidationTypes.CONDITIONAL_VALIDATION).map((metadata) => metadata.constraints[0] as (object: JsonObject, value: unknown) => boolean);
  const constraints = [...ofType(ValidationTypes.IS_DEFINED), ...ofType(ValidationTypes.CUSTOM_VALIDATION)].map((metadata) => compileConstraint(type, metadata));
  const nested = ofType(ValidationTypes.NESTED_VALIDATION).length > 0 ? compileNested(type, property) : undefined;
  return (object, value) => {
    for (const condition of conditions) if (!condition(object, value)) return true;
    for (const constraint of constraints) if (!constraint(object, value)) return false;
    return nested === undefined || value === undefined || nested(value);
  };
}

function compileConstraint(type: MessageClass, metadata: Metadata): PropertyCheck {
  const validators: ValidatorConstraintInterface[] = storage.getTargetValidatorConstraints(metadata.constraintCls).map((constraint) => {
    if (constraint.async) throw new Error(`${type.name}.${metadata.propertyName}: an asynchronous constraint has no compiled check`);
    return constraint.instance;
  });
  const { each, validateIf, constraints, propertyName } = metadata;
  return (object, value) => {
    if (validateIf && !validateIf(object, value)) return true;
    const args: ValidationArguments = { targetName: type.name, property: propertyName, object, value, constraints };
    for (const validator of validators) {
      if (each && Array.isArray(value)) {
        for (const entry of value) if (!validator.validate(entry, args)) return false;
      } else if (!validator.validate(value, args)) {
        return false;
      }
    }
    return true;
  };
}

/**
 * A nested object, or each of a list, must be a valid object of the field's class. The check goes
 * only as deep as the classes nest, whatever the input: an unknown key fails before its value.
 */
function compileNested(type: MessageClass, property: string): (value: unknown) => boolean {
  const nestedClass = nestedTypeOf(type, property);
  if (nestedClass === undefined) throw new Error(`${type.name}.${property} is nested but names no class: declare it with nested() or nestedList()`);
  let check: PayloadCheck | undefined;
  const isValidObject = (entry: unknown) => isJsonObject(entry) && (check ??= compiledCheck(nestedClass))(entry);
  return (value) => (Array.isArray(value) ? value.every(isValidObject) : isValidObject(value));
}
