import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMetricsRegistry, METRICS, seriesNames, type MetricSpec, type ServiceName } from '@voltstream/health';
import { APP_HEALTH, APP_NAMES, findExecutable, type AppName } from '@voltstream/launcher';
import {
  adapterQuery,
  adapterRules,
  chartsOf,
  dashboardQueries,
  grafanaVariables,
  interpolate,
  loadDashboard,
  loadScrapeConfig,
  metricNames,
  SCRAPE_CONFIG_FILE,
} from './monitoring';

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

describe('deploy/grafana/voltstream.json', () => {
  const dashboard = loadDashboard();
  const charts = chartsOf(dashboard);
  const variables = grafanaVariables({ fromMs: 0, toMs: 3_600_000, maxDataPoints: 1000, scrapeIntervalSeconds: 15 });
  const expressions = dashboardQueries(dashboard).map(({ expr }) => interpolate(expr, variables));

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

  it('finds the metric names in PromQL, not the functions, labels or ranges around them, and refuses what does not parse', () => {
    expect(metricNames('histogram_quantile(0.99, sum by (le, action) (rate(a_seconds_bucket{outcome="x y"}[4s])))')).toEqual(['a_seconds_bucket']);
    expect(metricNames('max by (pod) (b) / ignoring(pod) c offset 5m')).toEqual(['b', 'c']);
    expect(() => metricNames('sum(rate(a_total[$__rate_interval]))')).toThrow(/syntax error/);
    expect(() => metricNames('sum by (pod (a)')).toThrow(/syntax error/);
  });

  it("gets Grafana's variables as Grafana fills them in, and refuses one it does not know", () => {
    const lastHour = grafanaVariables({ fromMs: 0, toMs: 3_600_000, maxDataPoints: 1000, scrapeIntervalSeconds: 15 });
    expect(lastHour).toMatchObject({ __interval: '15s', __rate_interval: '60s', __range: '3600s' });
    const lastDay = grafanaVariables({ fromMs: 0, toMs: 86_400_000, maxDataPoints: 1000, scrapeIntervalSeconds: 15 });
    expect(lastDay).toMatchObject({ __interval: '60s', __rate_interval: '75s' });
    const lastMinute = grafanaVariables({ fromMs: 0, toMs: 60_000, maxDataPoints: 1000, scrapeIntervalSeconds: 1 });
    expect(lastMinute).toMatchObject({ __interval: '1s', __rate_interval: '4s', __range: '60s' });
    expect(interpolate('rate(a_total[$__rate_interval]) + rate(a_total[${__interval}])', lastHour)).toBe('rate(a_total[60s]) + rate(a_total[15s])');
    expect(() => interpolate('a_total{pod="$pod"}', lastHour)).toThrow(/\$pod/);
  });
});

describe('deploy/prometheus/prometheus.yml', () => {
  interface ComposeService {
    image?: string;
    profiles?: string[];
    environment?: Record<string, string>;
    volumes?: string[];
  }
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
  const config = loadScrapeConfig();
  const entries = config.scrape_configs.flatMap((job) => job.static_configs.map((entry) => ({ job, ...entry })));

  it('is a configuration Prometheus accepts (promtool check config)', async () => {
    const promtool = await findExecutable('promtool');
    expect(promtool, 'promtool is installed (Debian: apt-get install prometheus)').toBeDefined();
    const { stdout } = await promisify(execFile)(promtool as string, ['check', 'config', SCRAPE_CONFIG_FILE]);
    expect(stdout).toContain('SUCCESS');
  });

  it("scrapes /metrics of every app of docker-compose.yml once, on the port it serves it, labelled as the ServiceMonitor labels a pod", () => {
    expect(entries.map(({ labels }) => labels.pod).sort()).toEqual([...APP_NAMES].sort());
    for (const { job, targets, labels } of entries) {
      const app = labels.pod as AppName;
      const port = compose.services[app].environment?.[APP_HEALTH[app].portVariable];
      expect(job.metrics_path).toBe('/metrics');
      expect(targets, app).toEqual([`${app}:${port}`]);
      expect(labels.namespace).toBe('voltstream');
    }
  });

  it('runs in docker compose as the optional Prometheus (profile monitoring)', () => {
    const prometheus = compose.services.prometheus;
    expect(prometheus.profiles).toEqual(['monitoring']);
    expect(prometheus.volumes).toContain('./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro');
  });
});

describe('deploy/prometheus-adapter/values.yaml', () => {
  it("has rules whose series and metrics queries parse once the adapter's template is filled in", () => {
    for (const rule of adapterRules()) {
      expect(metricNames(rule.seriesQuery)).toEqual([rule.name.as]);
      const query = adapterQuery(rule.metricsQuery, { Series: rule.name.as, LabelMatchers: 'namespace="voltstream",pod=~"a|b"', GroupBy: 'pod' });
      expect(metricNames(query)).toEqual([rule.name.as]);
    }
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
