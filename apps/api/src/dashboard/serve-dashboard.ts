import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { isDashboardPage } from './dashboard-routes';

interface PageRequest {
  method: string;
  path: string;
}

interface PageResponse {
  sendFile(path: string, options: { headers: Record<string, string> }): void;
}

/**
 * Serves the dashboard's build (`npm run build` puts it in dir) at `/`: its hashed assets cached for
 * good, every page of it as index.html, never cached, so that a new build is picked up at once.
 * Without a build the API serves only itself. The page is public; everything it shows needs the token.
 */
export function serveDashboard(app: NestExpressApplication, dir: string): boolean {
  const [index, assets] = [join(dir, 'index.html'), join(dir, 'assets')];
  // A build has both; the sources (apps/dashboard, where this resolves when run from source) only the first.
  if (!existsSync(index) || !existsSync(assets)) return false;
  app.useStaticAssets(assets, { prefix: '/assets/', immutable: true, maxAge: '365d', index: false });
  app.use((request: PageRequest, response: PageResponse, next: () => void) => {
    if (!isDashboardPage(request.method, request.path)) return next();
    response.sendFile(index, { headers: { 'cache-control': 'no-cache' } });
  });
  return true;
}
