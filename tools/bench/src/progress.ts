/** Progress lines on the terminal while a scenario runs. */
export class Progress {
  private lastStatusAt = 0;
  private statusShown = false;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stdout,
    /** Without a terminal (CI logs) a status line is printed at most this often. */
    private readonly logIntervalMs = 5000,
  ) {}

  /** A line that stays: a phase started or finished. */
  step(scenario: string, text: string): void {
    this.clearStatus();
    this.out.write(`${clock()} [${scenario}] ${text}\n`);
  }

  /** A line that is replaced by the next one: counters while waiting. */
  status(scenario: string, text: string): void {
    const line = `${clock()} [${scenario}] … ${text}`;
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${line.slice(0, this.out.columns ? this.out.columns - 1 : undefined)}`);
      this.statusShown = true;
      return;
    }
    if (Date.now() - this.lastStatusAt < this.logIntervalMs) return;
    this.lastStatusAt = Date.now();
    this.out.write(`${line}\n`);
  }

  private clearStatus(): void {
    if (!this.statusShown) return;
    this.out.write('\r\x1b[2K');
    this.statusShown = false;
  }
}

function clock(): string {
  return new Date().toISOString().slice(11, 19);
}
