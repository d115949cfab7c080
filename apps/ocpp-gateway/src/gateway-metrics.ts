import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { createMetricsRegistry } from '@voltstream/health';
import { CHARGE_POINT_ACTIONS } from '@voltstream/ocpp';

/** An action no charge point sends, counted under one label so that garbage cannot grow the series. */
const OTHER_ACTION = 'other';

interface ActionSeries {
  result: Counter.Internal;
  callError: Counter.Internal;
  latency: Histogram.Internal<string>;
}

/**
 * The gateway's Prometheus metrics. The per-message path only touches label children made once
 * per action here: no label object, no lookup by labels, no I/O per message.
 */
export class GatewayMetrics {
  readonly registry: Registry = createMetricsRegistry('ocpp-gateway');
  private connectedCount: () => number = () => 0;
  private readonly refused = new Counter({
    name: 'voltstream_gateway_handshakes_refused_total',
    help: 'WebSocket handshakes refused, by HTTP status.',
    labelNames: ['status'],
    registers: [this.registry],
  });
  private readonly callErrors = new Counter({ name: 'voltstream_gateway_call_errors_sent_total', help: 'CALLERRORs sent to wallboxes, by OCPP error code.', labelNames: ['code'], registers: [this.registry] });
  private readonly commands = new Counter({
    name: 'voltstream_gateway_operator_commands_total',
    help: 'Operator commands a wallbox of this pod answered (or not), by action and outcome.',
    labelNames: ['action', 'outcome'],
    registers: [this.registry],
  });
  private readonly byAction = new Map<string, ActionSeries>();

  constructor() {
    const connected = (): number => this.connectedCount();
    new Gauge({
      name: 'voltstream_gateway_connected_wallboxes',
      help: 'Wallboxes connected to this pod.',
      registers: [this.registry],
      collect() {
        this.set(connected());
      },
    });
    const calls = new Counter({
      name: 'voltstream_gateway_calls_received_total',
      help: 'CALLs received from wallboxes, by action and outcome (result or callError).',
      labelNames: ['action', 'outcome'],
      registers: [this.registry],
    });
    const latency = new Histogram({
      name: 'voltstream_gateway_call_duration_seconds',
      help: 'From a CALL received to its answer sent, by action.',
      labelNames: ['action'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    for (const action of [...CHARGE_POINT_ACTIONS, OTHER_ACTION]) {
      this.byAction.set(action, { result: calls.labels(action, 'result'), callError: calls.labels(action, 'callError'), latency: latency.labels(action) });
    }
  }

  /** The gauge reads the pod's count when scraped, so no connect or disconnect path can leave it wrong. */
  countConnectedWith(count: () => number): void {
    this.connectedCount = count;
  }

  handshakeRefused(status: number): void {
    this.refused.labels(String(status)).inc();
  }

  /** A CALL answered after `seconds`; `errorCode` is set when the answer was a CALLERROR. */
  callAnswered(action: string, seconds: number, errorCode: string | undefined): void {
    const series = this.byAction.get(action) ?? (this.byAction.get(OTHER_ACTION) as ActionSeries);
    series.latency.observe(seconds);
    if (errorCode === undefined) return series.result.inc();
    series.callError.inc();
    this.callErrorSent(errorCode);
  }

  callErrorSent(code: string): void {
    this.callErrors.labels(code).inc();
  }

  /** `action` is a central-system action the command was checked against, so the series stay few. */
  commandAnswered(action: string, outcome: string): void {
    this.commands.labels(action, outcome).inc();
  }
}
