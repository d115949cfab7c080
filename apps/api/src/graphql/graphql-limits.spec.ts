import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support/api-harness';

interface GraphqlAnswer {
  status: number;
  bytes: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
}

const aliases = (count: number) => Array.from({ length: count }, (_, index) => `a${index}: chargePoints { identity }`).join(' ');
/**
 * `chargePoints { f2 { f3 … { fN } } }`, N levels deep. The schema has no type deep enough: the
 * fields below the first are unknown, and refused as such, besides any limit.
 */
const deep = (levels: number) =>
  Array.from({ length: levels }, (_, index) => (index === 0 ? 'chargePoints' : `f${index + 1}`)).join(' { ') + ' }'.repeat(levels - 1);

describe('GraphQL limits (graphql-armor): an operation asking for too much is refused before anything is resolved', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t?.close());

  async function graphql(query: string): Promise<GraphqlAnswer> {
    const response = await fetch(`http://127.0.0.1:${t.api.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.api.token}` },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    return { status: response.status, bytes: text.length, body: JSON.parse(text) };
  }

  const messages = (answer: GraphqlAnswer): string[] => answer.body.errors.map((error: { message: string }) => error.message);

  it('refuses 500 aliases with a short answer naming the limit, and resolves nothing', async () => {
    const answer = await graphql(`{ ${aliases(500)} }`);
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(messages(answer)).toEqual(['Syntax Error: Document contains more that 2000 tokens. Parsing aborted.']);
    expect(answer.bytes).toBeLessThan(500);
  });

  it('allows 15 aliases and refuses 16, naming the alias limit', async () => {
    expect((await graphql(`{ ${aliases(15)} }`)).body).toEqual({ data: Object.fromEntries(Array.from({ length: 15 }, (_, index) => [`a${index}`, []])) });
    const refused = await graphql(`{ ${aliases(16)} }`);
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(messages(refused)).toEqual(['Syntax Error: Aliases limit of 15 exceeded, found 16.']);
  });

  it('refuses an operation nested deeper than 8 levels, naming the depth limit', async () => {
    const depthError = 'Syntax Error: Query depth limit of 8 exceeded, found 9.';
    expect(messages(await graphql(`{ ${deep(8)} }`))).not.toContain(depthError);
    const refused = await graphql(`{ ${deep(9)} }`);
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(messages(refused)).toContain(depthError);
  });

  it('refuses an operation whose cost is over 5000, naming the cost limit', async () => {
    const leaves = Array.from({ length: 400 }, (_, index) => `x${index}`).join(' ');
    const costly = `{ ${deep(7).replace(/f7/, `f7 { ${leaves} }`)} }`;
    const refused = await graphql(costly);
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(messages(refused).find((message) => message.includes('Cost'))).toMatch(/^Syntax Error: Query Cost limit of 5000 exceeded, found [\d.]+\.$/);
  });
});
