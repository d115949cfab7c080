import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { dashboardTypes, GENERATED_FILE } from './dashboard-types';

/** Writes apps/dashboard/src/api/generated.ts from the schema file and the dashboard's operations (run from the repository root). */
async function main(): Promise<void> {
  const root = process.cwd();
  await writeFile(resolve(root, GENERATED_FILE), await dashboardTypes(root));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
