import { describeMisfit, type Schema } from './schema';

/** A message read from NATS did not fit its contract. `reason` names the field and what is wrong. */
export class ContractError extends Error {
  constructor(
    readonly contract: string,
    readonly reason: string,
  ) {
    super(`Invalid ${contract}: ${reason}`);
    this.name = 'ContractError';
  }
}

/**
 * How many messages this process refused, by contract: every refusal of {@link parse} is counted
 * here, for the service's health details and, later, its metrics.
 */
export class ContractViolations {
  private readonly counts = new Map<string, number>();

  count(contract: string): void {
    this.counts.set(contract, (this.counts.get(contract) ?? 0) + 1);
  }

  of(contract: string): number {
    return this.counts.get(contract) ?? 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

export const contractViolations = new ContractViolations();

/** `value` as the contract's type, or a counted {@link ContractError} saying what does not fit. */
export function parse<T>(contract: string, schema: Schema<T>, value: unknown, fail = contractError): T {
  const misfit = schema.check(value);
  if (misfit === undefined) return value as T;
  contractViolations.count(contract);
  throw fail(contract, describeMisfit(misfit));
}

function contractError(contract: string, reason: string): ContractError {
  return new ContractError(contract, reason);
}

const utf8 = new TextDecoder();

/** Decodes the JSON of a NATS message and parses it; text that is not JSON fails like any misfit. */
export function parseJson<T>(contract: string, schema: Schema<T>, data: Uint8Array, fail = contractError): T {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(data));
  } catch {
    contractViolations.count(contract);
    throw fail(contract, 'the message is not JSON');
  }
  return parse(contract, schema, value, fail);
}
