/** One metric a service exports: the services make their prom-client metrics from these, the docs and the dashboard's test read them. */
export interface MetricSpec<Label extends string = string> {
  kind: 'counter' | 'gauge' | 'histogram';
  name: string;
  help: string;
  labelNames: readonly Label[];
  /** Histograms only: upper bounds, in seconds. */
  buckets?: readonly number[];
}

const CALL_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const PUBLISH_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function spec<Label extends string = never>(kind: MetricSpec['kind'], name: string, help: string, labelNames: readonly Label[] = [], buckets?: number[]): MetricSpec<Label> {
  return { kind, name, help, labelNames, buckets };
}

/** Every Voltstream metric, by the service that exports it (Node's process metrics come on top, see createMetricsRegistry). */
export const METRICS = {
  'ocpp-gateway': {
    connectedWallboxes: spec('gauge', 'voltstream_gateway_connected_wallboxes', 'Wallboxes connected to this pod.'),
    handshakesRefused: spec('counter', 'voltstream_gateway_handshakes_refused_total', 'WebSocket handshakes refused, by HTTP status.', ['status']),
    callsReceived: spec('counter', 'voltstream_gateway_calls_received_total', 'CALLs received from wallboxes, by action and outcome (result or callError).', ['action', 'outcome']),
    callDuration: spec('histogram', 'voltstream_gateway_call_duration_seconds', 'From a CALL received to its answer sent, by action.', ['action'], CALL_BUCKETS),
    callErrorsSent: spec('counter', 'voltstream_gateway_call_errors_sent_total', 'CALLERRORs sent to wallboxes, by OCPP error code.', ['code']),
    operatorCommands: spec('counter', 'voltstream_gateway_operator_commands_total', 'Operator commands a wallbox of this pod answered (or not), by action and outcome.', ['action', 'outcome']),
    publishDuration: spec(
      'histogram',
      'voltstream_gateway_jetstream_publish_duration_seconds',
      "From an event's publish leaving the gateway to JetStream's ack (stored) or its failure.",
      ['outcome'],
      PUBLISH_BUCKETS,
    ),
  },
  authorization: {
    decisions: spec('counter', 'voltstream_authorization_decisions_total', 'Decisions of the authorization service, by kind (boot, authorize, start, stop) and result (the OCPP status).', ['kind', 'result']),
  },
  'state-projection': {
    lagEvents: spec('gauge', 'voltstream_projection_lag_events', 'Events in the log not yet in the read models (last stream sequence − checkpoint), read at scrape.'),
    lagSeconds: spec('gauge', 'voltstream_projection_lag_seconds', 'Age of the last event applied while events are waiting; 0 when the read models are caught up.'),
    rowsWritten: spec('counter', 'voltstream_projection_rows_written_total', 'Rows the projection wrote (inserted or updated), by table.', ['table']),
    billingPublished: spec('counter', 'voltstream_projection_billing_published_total', 'Completed transactions published to billing from the outbox.'),
  },
  api: {
    requestDuration: spec('histogram', 'voltstream_api_request_duration_seconds', 'Operator API requests, from received to answered, by method, route and status.', ['method', 'route', 'status'], REQUEST_BUCKETS),
  },
} as const satisfies Record<string, Record<string, MetricSpec>>;

export type ServiceName = keyof typeof METRICS;

/** The series names a metric of a prom-client type shows in the exposition: a histogram's `_bucket`, `_sum` and `_count`, … */
export function seriesNames({ kind, name }: { kind: string; name: string }): string[] {
  if (kind === 'histogram') return [`${name}_bucket`, `${name}_sum`, `${name}_count`];
  if (kind === 'summary') return [name, `${name}_sum`, `${name}_count`];
  return [name];
}
