import { describe, expect, it } from 'vitest';
import { isDashboardPage } from './dashboard-routes';

describe('isDashboardPage: what the API answers with the dashboard’s index.html', () => {
  it('answers the root and the dashboard’s own routes, deep links included', () => {
    for (const path of ['/', '/fleet', '/charge-points/CP-1', '/transactions/42', '/apiary', '/graphqlx']) {
      expect(isDashboardPage('GET', path)).toBe(true);
    }
    expect(isDashboardPage('HEAD', '/tags')).toBe(true);
  });

  it('never shadows the REST API, its docs, GraphQL or a missing file of the build', () => {
    for (const path of ['/api', '/api/charge-points', '/api/docs', '/api/docs-json', '/graphql', '/graphql/x', '/assets/missing.js']) {
      expect(isDashboardPage('GET', path)).toBe(false);
    }
  });

  it('leaves every method but GET and HEAD to the API', () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) expect(isDashboardPage(method, '/')).toBe(false);
  });
});
