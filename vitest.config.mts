import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const libs = ['certificates', 'config', 'contracts', 'domain', 'gateway', 'health', 'launcher', 'logging', 'nats', 'ocpp', 'read-models', 'simulator', 'testing'];

export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    alias: Object.fromEntries(libs.map((lib) => [`@voltstream/${lib}`, resolve(import.meta.dirname, `libs/${lib}/src/index.ts`)])),
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
