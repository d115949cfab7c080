import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { parse, stringify } from 'yaml';
import { repoRoot } from '@voltstream/launcher';

/** What we ship for monitoring, as files of deploy/. */
export const DASHBOARD_FILE = join(repoRoot(), 'deploy', 'grafana', 'voltstream.json');
export const SCRAPE_CONFIG_FILE = join(repoRoot(), 'deploy', 'prometheus', 'prometheus.yml');
export const ADAPTER_VALUES_FILE = join(repoRoot(), 'deploy', 'prometheus-adapter', 'values.yaml');

interface Target {
  expr: string;
  legendFormat?: string;
  datasource: { uid: string };
}
export interface Panel {
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: Target[];
}
export interface Dashboard {
  panels: Panel[];
  templating: { list: { name: string; type: string; query: string }[] };
}

/** One query of the dashboard: its panel, the line it draws, and its PromQL with Grafana's variables in it. */
export interface DashboardQuery {
  panel: string;
  legend: string;
  expr: string;
}

export function loadDashboard(): Dashboard {
  return JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')) as Dashboard;
}

export function chartsOf(dashboard: Dashboard): Panel[] {
  return dashboard.panels.filter((panel) => panel.type !== 'row');
}

export function dashboardQueries(dashboard: Dashboard): DashboardQuery[] {
  return chartsOf(dashboard).flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, legend: target.legendFormat ?? '', expr: target.expr })));
}

/** What Grafana's interval variables depend on: the time range shown, the points a panel draws, and the data source's scrape interval. */
export interface GrafanaView {
  fromMs: number;
  toMs: number;
  maxDataPoints: number;
  scrapeIntervalSeconds: number;
}

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
/** The steps Grafana rounds an interval to. */
const GRAFANA_STEPS_MS = [
  10, 20, 50, 100, 200, 500,
  ...[1, 2, 5, 10, 15, 20, 30].map((seconds) => seconds * SECOND_MS),
  ...[1, 2, 5, 10, 15, 20, 30].map((minutes) => minutes * MINUTE_MS),
  ...[1, 2, 3, 6, 12, 24].map((hours) => hours * HOUR_MS),
];

/** The nearest of Grafana's steps (a tie goes to the longer one). */
function roundToGrafanaStep(ms: number): number {
  return GRAFANA_STEPS_MS.reduce((nearest, step, index) => (index > 0 && ms >= (GRAFANA_STEPS_MS[index - 1] + step) / 2 ? step : nearest), GRAFANA_STEPS_MS[0]);
}

function duration(ms: number): string {
  return ms % SECOND_MS === 0 ? `${ms / SECOND_MS}s` : `${ms}ms`;
}

/**
 * The values Grafana gives its built-in variables in a Prometheus query. `$__interval` is the time
 * range over the panel's points, rounded to the nearest of Grafana's steps, and never below the data
 * source's scrape interval (its "min interval"). `$__rate_interval` is max($__interval + scrape
 * interval, 4 × scrape interval), which keeps at least four samples in a rate() window. `$__range`
 * is the time range. Durations are written in seconds (milliseconds below a second), which
 * Prometheus reads as Grafana's `1m` or `1h`.
 */
export function grafanaVariables({ fromMs, toMs, maxDataPoints, scrapeIntervalSeconds }: GrafanaView): Record<string, string> {
  const rangeMs = Math.round((toMs - fromMs) / SECOND_MS) * SECOND_MS;
  const scrapeMs = scrapeIntervalSeconds * SECOND_MS;
  const intervalMs = Math.max(scrapeMs, roundToGrafanaStep(rangeMs / maxDataPoints));
  return {
    __interval: duration(intervalMs),
    __interval_ms: String(intervalMs),
    __rate_interval: duration(Math.max(intervalMs + scrapeMs, 4 * scrapeMs)),
    __range: duration(rangeMs),
    __range_s: String(rangeMs / SECOND_MS),
    __range_ms: String(rangeMs),
  };
}

/** Grafana's variable syntaxes: `$name`, `${name}`, `${name:format}` and the old `[[name]]`. */
const GRAFANA_VARIABLE = /\$\{(\w+)(?::\w+)?\}|\$(\w+)|\[\[(\w+)\]\]/g;

/** The query as Grafana sends it to Prometheus; a variable it does not know is an error, not left in. */
export function interpolate(expr: string, variables: Record<string, string>): string {
  return expr.replace(GRAFANA_VARIABLE, (whole, braced?: string, bare?: string, bracketed?: string) => {
    const name = (braced ?? bare ?? bracketed) as string;
    const value = variables[name];
    if (value === undefined) throw new Error(`unknown Grafana variable ${whole} in ${expr}`);
    return value;
  });
}

/** The metric names a PromQL expression selects, read from its syntax tree; a syntax error throws, with where it is. */
export function metricNames(expression: string): string[] {
  const names: string[] = [];
  parser.parse(expression).iterate({
    enter(node) {
      if (node.type.isError) throw new Error(`PromQL syntax error at ${node.from} in ${expression}`);
      if (node.name !== 'VectorSelector') return;
      const identifier = node.node.getChild('Identifier');
      if (identifier) names.push(expression.slice(identifier.from, identifier.to));
    },
  });
  return names;
}

interface StaticConfig {
  targets: string[];
  labels: Record<string, string>;
}
export interface ScrapeConfig {
  global: { scrape_interval: string; evaluation_interval: string };
  scrape_configs: { job_name: string; metrics_path: string; static_configs: StaticConfig[] }[];
}

export function loadScrapeConfig(): ScrapeConfig {
  return parse(readFileSync(SCRAPE_CONFIG_FILE, 'utf8')) as ScrapeConfig;
}

/** The shipped scrape configuration with each pod's target moved to `targets[pod]` (every pod must have one) and its own scrape interval. */
export function scrapeConfigFor(targets: Record<string, string>, scrapeIntervalSeconds: number): string {
  const shipped = loadScrapeConfig();
  const interval = `${scrapeIntervalSeconds}s`;
  const retarget = (config: StaticConfig): StaticConfig => {
    const target = targets[config.labels.pod];
    if (target === undefined) throw new Error(`no target for pod ${config.labels.pod}`);
    return { ...config, targets: [target] };
  };
  return stringify({
    ...shipped,
    global: { scrape_interval: interval, evaluation_interval: interval },
    scrape_configs: shipped.scrape_configs.map((job) => ({ ...job, static_configs: job.static_configs.map(retarget) })),
  });
}

export interface AdapterRule {
  seriesQuery: string;
  metricsQuery: string;
  resources: { overrides: Record<string, { resource: string }> };
  name: { matches: string; as: string };
}

export function adapterRules(): AdapterRule[] {
  return (parse(readFileSync(ADAPTER_VALUES_FILE, 'utf8')) as { rules: { custom: AdapterRule[] } }).rules.custom;
}

/** What the adapter fills into a metricsQuery (a Go template): `<<.Series>>`, `<<.LabelMatchers>>`, `<<.GroupBy>>`. */
export interface AdapterTemplateValues {
  Series: string;
  LabelMatchers: string;
  GroupBy: string;
}

export function adapterQuery(template: string, values: AdapterTemplateValues): string {
  return template.replace(/<<\s*\.(\w+)\s*>>/g, (whole, name: string) => {
    if (!(name in values)) throw new Error(`unknown adapter template field ${whole} in ${template}`);
    return values[name as keyof AdapterTemplateValues];
  });
}
