import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

const domainBans = ['@nestjs/*', 'nats', 'typeorm', 'pg', 'ws', 'express'];

export default [
  { ignores: ['dist/**', 'node_modules/**', '.nx/**', '.data/**', 'bench-results/**', 'coverage/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.mts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: domainBans },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'] },
            { sourceTag: 'type:protocol', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'], bannedExternalImports: ['@nestjs/*', 'nats', 'typeorm', 'pg', 'ws'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:protocol', 'type:domain', 'type:testing'], bannedExternalImports: domainBans },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:domain', 'type:infra', 'type:testing'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:contracts', 'type:protocol', 'type:util', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:protocol', 'type:domain', 'type:infra', 'type:tooling', 'type:testing'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The dashboard (React): the rules of hooks.
  { files: ['apps/dashboard/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
];
