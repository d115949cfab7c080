import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMetricsRegistry, METRICS, seriesNames, type MetricSpec, type ServiceName } from '@voltstream/health';

const root = resolve(__dirname, '../..');
const CATALOGUE = Object.entries(METRICS).flatMap(([service, specs]) => Object.values(specs).map((spec: MetricSpec) => ({ service: service as ServiceName, ...spec })));

/** What the services export: their catalogue metrics and the process metrics of their registries, as series names. */
async function exportedSeries(): Promise<Set<string>> {
  const names = new Set(CATALOGUE.flatMap(seriesNames));
  for (const service of Object.keys(METRICS)) {
    const registry = createMetricsRegistry(service);
    for (const { name, type } of await registry.getMetricsAsJSON()) for (const series of seriesNames({ kind: String(type), name })) names.add(series);
    registry.clear();
  }
  return names;
}

const GROUPING = /\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g;
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset']);

/** The metric names a PromQL expression selects: identifiers that are not functions, keywords, labels, strings, numbers or ranges. */
function metricNames(expression: string): string[] {
  const bare = expression
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(GROUPING, ' ')
    // Numbers and durations (`5m`): a name never starts with a digit.
    .replace(/\b\d[\w.]*/g, ' ');
  return [...bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)]
    .filter((match) => !/^\s*\(/.test(bare.slice((match.index ?? 0) + match[0].length)) && !KEYWORDS.has(match[0]))
    .map((match) => match[0]);
}

interface Target {
  expr: string;
  datasource: { uid: string };
}
interface Panel {
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: Target[];
}
interface Dashboard {
  panels: Panel[];
  templating: { list: { name: string; type: string; query: string }[] };
}

describe('deploy/grafana/voltstream.json', () => {
  const dashboard = JSON.parse(readFileSync(join(root, 'deploy', 'grafana', 'voltstream.json'), 'utf8')) as Dashboard;
  const charts = dashboard.panels.filter((panel) => panel.type !== 'row');
  const expressions = charts.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));

  it('reads its Prometheus from a data source variable, in every panel and query', () => {
    expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }));
    for (const panel of charts) {
      expect(panel.datasource?.uid, panel.title).toBe('${datasource}');
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) expect(target.datasource.uid, panel.title).toBe('${datasource}');
    }
  });

  it('queries only metrics the services export', async () => {
    const exported = await exportedSeries();
    for (const expression of expressions) {
      const names = metricNames(expression);
      expect(names.length, expression).toBeGreaterThan(0);
      for (const name of names) expect(exported.has(name), `${name} in ${expression}`).toBe(true);
    }
  });

  it('shows every Voltstream metric', () => {
    const queried = new Set(expressions.flatMap(metricNames));
    for (const spec of CATALOGUE) expect(seriesNames(spec).some((series) => queried.has(series)), spec.name).toBe(true);
  });

  it('finds the metric names in PromQL, not the functions, labels or ranges around them', () => {
    expect(metricNames('histogram_quantile(0.99, sum by (le, action) (rate(a_seconds_bucket{outcome="x y"}[$__rate_interval])))')).toEqual(['a_seconds_bucket']);
    expect(metricNames('max by (pod) (b) / ignoring(pod) c offset 5m')).toEqual(['b', 'c']);
  });
});

describe('README, Operating Voltstream → Metrics', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Metrics'), readme.indexOf('\n### ', readme.indexOf('### Metrics') + 1));
  const rows = new Map(
    section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map(([, name, , , labels]) => [name.replace(/`/g, ''), labels] as const),
  );

  it('lists every metric of the catalogue, with its service, type and labels, and no other', () => {
    expect([...rows.keys()].sort()).toEqual(CATALOGUE.map((spec) => spec.name).sort());
    for (const spec of CATALOGUE) {
      const row = section.split('\n').find((line) => line.startsWith(`| \`${spec.name}\` |`)) ?? '';
      expect(row, spec.name).toContain(`| ${spec.service} |`);
      expect(row, spec.name).toContain(spec.kind);
      for (const label of spec.labelNames) expect(rows.get(spec.name), spec.name).toContain(`\`${label}\``);
    }
  });
});
