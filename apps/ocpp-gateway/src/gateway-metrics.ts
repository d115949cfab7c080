import type { Registry } from 'prom-client';
import { counterOf, createMetricsRegistry, gaugeOf, METRICS, talliedCounterOf, TalliedHistogram, type CounterTally, type HistogramTally } from '@voltstream/health';
import type { PublishTiming } from '@voltstream/nats';
import { CALL_ERROR, CHARGE_POINT_ACTIONS } from '@voltstream/ocpp';

/** What a session tells about its wallbox's traffic, at the few points where something is answered. */
export interface SessionObserver {
  /** A CALL was taken up; @returns the mark to hand to {@link callAnswered}. */
  callReceived(): number;
  /** `answer` (the CALLRESULT or CALLERROR sent) answered a CALL of `action` taken up at `mark`. */
  callAnswered(action: string, mark: number, answer: string): void;
  /** A CALLERROR answered a frame that could not be read as a CALL. */
  malformedAnswered(code: string): void;
  /** `action` is a central-system action the command was checked against, so the series stay few. */
  commandAnswered(action: string, outcome: string): void;
}

/** Everything the gateway tells its metrics. */
export interface GatewayObserver extends SessionObserver, PublishTiming {
  /** The pod's count is read when scraped, so no connect or disconnect path can leave it wrong. */
  countConnectedWith(count: () => number): void;
  handshakeRefused(status: number): void;
}

export const GATEWAY_OBSERVER = Symbol('GATEWAY_OBSERVER');

/** GATEWAY_METRICS=off: nothing is counted or timed, and no registry is made (what metrics cost, `npm run bench`). */
export const UNOBSERVED: GatewayObserver = {
  callReceived: () => 0,
  callAnswered: () => undefined,
  malformedAnswered: () => undefined,
  commandAnswered: () => undefined,
  published: () => undefined,
  countConnectedWith: () => undefined,
  handshakeRefused: () => undefined,
};

/** An action no charge point sends, counted under one label so that garbage cannot grow the series. */
const OTHER_ACTION = 'other';
const SPECS = METRICS['ocpp-gateway'];

interface ActionSeries {
  result: CounterTally;
  callError: CounterTally;
  latency: HistogramTally;
}

const CALL_ERROR_START = `[${CALL_ERROR},`;

/** The OCPP error code of a serialized CALLERROR, undefined for a CALLRESULT; only errors are parsed again. */
function callErrorCode(answer: string): string | undefined {
  return answer.startsWith(CALL_ERROR_START) ? String((JSON.parse(answer) as unknown[])[2]) : undefined;
}

/**
 * The gateway's Prometheus metrics. The per-message path only touches tallies made once here
 * (libs/health tallies.ts): no label object, no lookup by labels, no I/O per message.
 */
export class GatewayMetrics implements GatewayObserver {
  readonly registry: Registry = createMetricsRegistry('ocpp-gateway');
  private connectedCount: () => number = () => 0;
  private readonly refused = counterOf(this.registry, SPECS.handshakesRefused);
  private readonly callErrors = counterOf(this.registry, SPECS.callErrorsSent);
  private readonly commands = counterOf(this.registry, SPECS.operatorCommands);
  private readonly byAction = new Map<string, ActionSeries>();
  private readonly publishes: Record<'stored' | 'failed', HistogramTally>;

  constructor() {
    gaugeOf(this.registry, SPECS.connectedWallboxes, () => this.connectedCount());
    const calls = talliedCounterOf(this.registry, SPECS.callsReceived);
    const latency = new TalliedHistogram(this.registry, SPECS.callDuration);
    for (const action of [...CHARGE_POINT_ACTIONS, OTHER_ACTION]) {
      this.byAction.set(action, {
        result: calls({ action, outcome: 'result' }),
        callError: calls({ action, outcome: 'callError' }),
        latency: latency.tally({ action }),
      });
    }
    const publish = new TalliedHistogram(this.registry, SPECS.publishDuration);
    this.publishes = { stored: publish.tally({ outcome: 'stored' }), failed: publish.tally({ outcome: 'failed' }) };
  }

  countConnectedWith(count: () => number): void {
    this.connectedCount = count;
  }

  handshakeRefused(status: number): void {
    this.refused.labels(String(status)).inc();
  }

  callReceived(): number {
    return performance.now();
  }

  callAnswered(action: string, mark: number, answer: string): void {
    const series = this.byAction.get(action) ?? (this.byAction.get(OTHER_ACTION) as ActionSeries);
    series.latency.observe((performance.now() - mark) / 1000);
    const errorCode = callErrorCode(answer);
    if (errorCode === undefined) return series.result.inc();
    series.callError.inc();
    this.callErrors.labels(errorCode).inc();
  }

  malformedAnswered(code: string): void {
    this.callErrors.labels(code).inc();
  }

  commandAnswered(action: string, outcome: string): void {
    this.commands.labels(action, outcome).inc();
  }

  published(seconds: number, stored: boolean): void {
    (stored ? this.publishes.stored : this.publishes.failed).observe(seconds);
  }
}
