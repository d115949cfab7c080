import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse, print, separateOperations } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support/api-harness';

const OPERATIONS_FILE = resolve(process.cwd(), 'apps/dashboard/src/api/operations.graphql');
/** Refused before anything runs: the document does not parse, or breaks the schema or the API's limits. */
const REFUSED_DOCUMENT = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);


describe('the dashboard’s GraphQL operations, as the API receives them', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t?.close());

  it('each passes the API’s validation and its limits on depth, cost and tokens (its variables aside)', async () => {
    // Each operation with the fragments it uses, as the dashboard sends it; subscriptions go over the socket, in their own specs.
    const operations = Object.entries(separateOperations(parse(await readFile(OPERATIONS_FILE, 'utf8')))).filter(
      ([, document]) => !print(document).includes('subscription '),
    );
    expect(operations.length).toBeGreaterThan(20);
    const refused: Array<[string, string[]]> = [];
    for (const [name, document] of operations) {
      // Without its variables an operation is refused for them (BAD_USER_INPUT) once it passed validation, and nothing runs.
      const query = print(document);
      const response = await fetch(`http://127.0.0.1:${t.api.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.api.token}` },
        body: JSON.stringify({ query }),
      });
      const { errors = [] } = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      const documentErrors = errors.filter(({ extensions }) => REFUSED_DOCUMENT.has(extensions?.code ?? ''));
      if (documentErrors.length > 0) refused.push([name, documentErrors.map(({ message }) => message)]);
    }
    expect(refused).toEqual([]);
  });
});
