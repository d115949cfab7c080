import { freePorts, startServices, type RunningServices } from '@voltstream/launcher';
import { quietOutput, type System } from './system';

/** Long enough for a gateway to drain its connections and give its lease back. */
const STOP_GRACE_MS = 30_000;

/**
 * Gateway pods of a started system (one started without its own gateway): each a process of
 * its own on a port of its own, stopped and started one by one as a rolling restart does.
 */
export class GatewayPods {
  private constructor(
    private readonly env: Record<string, string>,
    readonly ports: number[],
    private readonly pods: (RunningServices | undefined)[],
  ) {}

  static async start(system: System, count: number): Promise<GatewayPods> {
    const ports = await freePorts(count);
    const pods = new GatewayPods(system.env, ports, ports.map(() => undefined));
    await Promise.all(ports.map((_, index) => pods.launch(index)));
    return pods;
  }

  /** Wallboxes the pod holds, as its readiness endpoint reports them. */
  async connections(index: number): Promise<number> {
    const response = await fetch(`http://127.0.0.1:${this.ports[index]}/health/ready`);
    const body = (await response.json()) as { connections?: number };
    return body.connections ?? 0;
  }

  /** SIGTERM to the pod, wait until it is gone (drained), then a new pod on its port, ready. */
  async restart(index: number): Promise<void> {
    await this.pods[index]?.stop();
    this.pods[index] = undefined;
    await this.launch(index);
  }

  async stop(): Promise<void> {
    await Promise.all(this.pods.map((pod) => pod?.stop()));
  }

  private async launch(index: number): Promise<void> {
    const env = { ...this.env, GATEWAY_PORT: String(this.ports[index]), GATEWAY_HOST: '127.0.0.1' };
    this.pods[index] = await startServices(env, ['ocpp-gateway'], { output: quietOutput, stopGraceMs: STOP_GRACE_MS });
  }
}
