import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `npm run build` builds the dashboard into dist/apps/dashboard, which the API serves at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/apps/dashboard'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite -c apps/dashboard/vite.config.mts` during development, with the API of `npm start` behind it.
    proxy: { '/api': 'http://localhost:3000', '/graphql': { target: 'http://localhost:3000', ws: true } },
  },
});
