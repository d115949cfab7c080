/** Paths the API answers itself; every other page the browser asks for is one of the dashboard's. */
const API_PATHS = ['/api', '/graphql'];

const isUnder = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

/**
 * Whether a request is for a page of the dashboard, answered with its index.html (a single-page app
 * routes in the browser): a GET or HEAD outside the API's paths that is not for a file of the build.
 */
export function isDashboardPage(method: string, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (API_PATHS.some((root) => isUnder(path, root)) || isUnder(path, '/assets')) return false;
  return true;
}
