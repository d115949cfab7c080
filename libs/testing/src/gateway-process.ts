import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const MAIN = resolve(__dirname, '../../../dist/apps/ocpp-gateway/src/main.js');

/** A gateway started as its own process from the build (`npm run build` first), as in production. */
export class GatewayProcess {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  static start(env: Record<string, string>): Promise<GatewayProcess> {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: build first (npx tsc -p tsconfig.build.json)`);
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    return new Promise((resolveStart, rejectStart) => {
      const onOutput = (chunk: Buffer) => {
        output.push(chunk.toString());
        const listening = /listening on port (\d+)/.exec(output.join(''));
        if (!listening) return;
        child.stdout?.off('data', onOutput);
        const gateway = new GatewayProcess(child, Number(listening[1]));
        gateway.output.push(...output);
        child.stdout?.on('data', (more: Buffer) => gateway.output.push(more.toString()));
        resolveStart(gateway);
      };
      child.stdout?.on('data', onOutput);
      child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.once('exit', (code) => rejectStart(new Error(`gateway exited with ${code} before listening:\n${output.join('')}`)));
    });
  }

  /** SIGKILL: gone without a goodbye, as on a node loss; resolves once the process is gone. */
  async kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.child.kill('SIGKILL');
    return this.exited;
  }

  /** SIGTERM, as Kubernetes sends it; resolves once the process is gone. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}
