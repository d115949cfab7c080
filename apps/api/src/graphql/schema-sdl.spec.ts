import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiSchemaSdl } from './schema-sdl';

const SCHEMA_FILE = resolve(process.cwd(), 'apps/dashboard/schema.graphql');

describe('the GraphQL schema the dashboard is typed against', () => {
  it('is the API’s schema as it is built now (else run npm run codegen)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(await apiSchemaSdl());
  });
});
