import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';

/** The API's bodies and arguments nest a few levels; a deeper one is refused before anything walks it. */
export const MAX_INPUT_DEPTH = 16;

/**
 * Validates every body, query and path parameter, REST and GraphQL alike; unknown properties are
 * refused, not dropped. The input's depth is checked first, without recursion: class-transformer
 * and class-validator walk it recursively, and a deep enough body would exhaust the stack.
 */
export class BoundedValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (nestsDeeperThan(value, MAX_INPUT_DEPTH)) {
      throw new BadRequestException([`${metadata.type} nests objects or arrays deeper than ${MAX_INPUT_DEPTH} levels`]);
    }
    return super.transform(value, metadata);
  }
}

/** Walks objects and arrays with a stack of its own, and stops as soon as it is past `limit`. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth > limit) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}
