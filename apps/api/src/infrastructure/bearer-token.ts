import { createHash, timingSafeEqual } from 'node:crypto';

/** The API token, checked one way on every transport: REST, GraphQL over HTTP and over WebSocket. */
export class BearerToken {
  private readonly expected: Buffer;

  constructor(token: string) {
    this.expected = digest(token);
  }

  /** @param authorization an `Authorization` header, or graphql-ws's `authorization` connection parameter */
  admits(authorization: unknown): boolean {
    if (typeof authorization !== 'string') return false;
    const presented = /^Bearer (.+)$/i.exec(authorization)?.[1];
    // Digests have a fixed length, so the comparison takes the same time whatever was presented.
    return presented !== undefined && timingSafeEqual(digest(presented), this.expected);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
