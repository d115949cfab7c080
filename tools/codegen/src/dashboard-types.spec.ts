import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardTypes, GENERATED_FILE, SCHEMA_FILE } from './dashboard-types';

/** Specs run from the repository's root. */
const ROOT = process.cwd();

describe('the dashboard’s generated GraphQL types', () => {
  it('are those the schema file and the dashboard’s operations generate now (else run npm run codegen)', async () => {
    expect(await readFile(resolve(ROOT, GENERATED_FILE), 'utf8')).toBe(await dashboardTypes(ROOT));
  });

  it('refuse an operation that asks for a field the schema lacks', async () => {
    const schema = await readFile(resolve(ROOT, SCHEMA_FILE), 'utf8');
    await expect(dashboardTypes(ROOT, schema.replace(/^ {2}serialNumber: String\n/m, ''))).rejects.toThrow(/serialNumber/);
  });
});
