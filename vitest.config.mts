import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const libs = ['certificates', 'config', 'contracts', 'domain', 'gateway', 'health', 'launcher', 'logging', 'nats', 'ocpp', 'read-models', 'simulator', 'testing'];

export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    alias: [
      ...libs.map((lib) => ({ find: `@voltstream/${lib}`, replacement: resolve(import.meta.dirname, `libs/${lib}/src/index.ts`) })),
      // One graphql for the specs and the CommonJS packages they load (Nest, the codegen plugins): never its ES module build beside it.
      { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') },
    ],
  },
  test: {
    include: ['apps/*/src/**/*.spec.ts', 'apps/*/test/**/*.test.ts', 'libs/*/src/**/*.spec.ts', 'tools/*/src/**/*.spec.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Postgres and NATS found or started as `npm start` does; DATABASE_URL and NATS_URL for every test.
    globalSetup: ['test/global-setup.ts'],
  },
});
