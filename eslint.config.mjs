import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

const domainBans = ['@nestjs/*', 'nats', 'typeorm', 'pg', 'ws', 'express'];

/** The flows of Voltstream; each app and its own libs share a scope. libs/domain is still one lib for all, tagged shared. */
const flowScopes = ['gateway', 'authorization', 'projection', 'api', 'tooling'];

const typeConstraints = [
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: domainBans },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'] },
  { sourceTag: 'type:protocol', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'], bannedExternalImports: ['@nestjs/*', 'nats', 'typeorm', 'pg', 'ws'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:protocol', 'type:domain', 'type:testing'], bannedExternalImports: domainBans },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:domain', 'type:infra', 'type:testing'] },
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:contracts', 'type:protocol', 'type:util', 'type:testing'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:protocol', 'type:domain', 'type:infra', 'type:tooling', 'type:testing'] },
  { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:protocol', 'type:domain', 'type:infra', 'type:tooling', 'type:testing'] },
];

/**
 * An app imports only the libs of its own scope and the shared ones; shared libs import shared libs
 * only. The system tests (test/, scope:test) drive the built services from outside: shared libs and
 * the tooling that runs them (launcher, simulator). `testTooling` is what test code inside a scope
 * may use besides (it starts other services from the build through the launcher).
 */
function moduleBoundaries(testTooling) {
  const scopeConstraints = [
    ...flowScopes.map((scope) => ({ sourceTag: `scope:${scope}`, onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared', ...testTooling] })),
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:test', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tooling'] },
  ];
  return ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints: [...typeConstraints, ...scopeConstraints] }];
}

export default [
  { ignores: ['dist/**', 'node_modules/**', '.nx/**', '.data/**', 'bench-results/**', 'coverage/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.mts'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries([]),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', 'apps/*/test/**/*.ts', 'apps/*/test-support/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries(['scope:tooling']) },
  },
  // The dashboard (React): the rules of hooks.
  { files: ['apps/dashboard/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
];
