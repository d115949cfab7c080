import { readFileSync } from 'node:fs';
import { Fleet, type ClientTls, type FleetStats } from '@voltstream/simulator';
import { parseCliOptions, USAGE, type CliOptions } from './cli-options';

function perSecond(now: number, before: number): string {
  return (now - before).toFixed(0);
}

function statusLine(elapsedSeconds: number, now: FleetStats, before: FleetStats): string {
  const boot = now.bootLatencyMs;
  return [
    `${elapsedSeconds}s`,
    `connected ${now.connected}/${now.total}`,
    `accepted ${now.accepted}`,
    `pending ${now.pending}`,
    `rejected ${now.rejected}`,
    `failed ${now.failed}`,
    `sent ${perSecond(now.callsSent, before.callsSent)}/s`,
    `answered ${perSecond(now.callsAnswered, before.callsAnswered)}/s`,
    `boot p50 ${boot.p50.toFixed(1)}ms p99 ${boot.p99.toFixed(1)}ms`,
    `sessions ${now.sessions.running} running ${now.sessions.completed} done ${now.sessions.failed} failed`,
    `warnings ${now.warnings}`,
  ].join('  ');
}

function startSessions(fleet: Fleet, charge: NonNullable<CliOptions['charge']>, stopping: () => boolean): void {
  for (let started = 0; started < charge.sessionsPerSecond; started++) {
    const wh = 1000 + Math.floor(Math.random() * 20_000);
    const session = fleet.chargeRandomConnector({ idTag: charge.idTag, wh, meterIntervalMs: charge.meterIntervalMs, samples: charge.samples });
    if (!session) return;
    // The fleet counts failed sessions; the reason is worth a line unless we are closing them.
    session.then(undefined, (error: Error) => {
      if (!stopping()) process.stderr.write(`\nsession failed: ${error.message}\n`);
    });
  }
}

/** The PEM files named on the command line, read once for every wallbox. */
function readTls(files: CliOptions['tls']): ClientTls | undefined {
  const read = (file: string | undefined) => (file === undefined ? undefined : readFileSync(file));
  if (!files.ca && !files.cert) return undefined;
  return { ca: read(files.ca), cert: read(files.cert), key: read(files.key) };
}

async function run(options: CliOptions): Promise<void> {
  const fleet = new Fleet({
    url: options.url,
    count: options.count,
    connectors: options.connectors,
    identityPrefix: options.prefix,
    concurrency: options.concurrency,
    localAddresses: options.localAddresses,
    password: options.password,
    chargePoint: {
      autoReconnect: true,
      tls: readTls(options.tls),
      securityProfile: options.securityProfile,
      secureUrl: options.secureUrl,
      firmwareVersion: options.firmwareVersion,
      firmwareFailures: options.firmwareFailures,
      reservations: options.reservations,
      localList: options.localList,
      localListMaxLength: options.localListMaxLength,
      ...options.wallbox,
    },
  });
  const startedAt = Date.now();
  let before = fleet.stats();
  let stopping = false;
  const report = (): void => {
    const now = fleet.stats();
    const line = statusLine(Math.round((Date.now() - startedAt) / 1000), now, before);
    process.stdout.write(process.stdout.isTTY ? `\r\x1b[2K${line}` : `${line}\n`);
    before = now;
  };
  const ticker = setInterval(() => {
    report();
    if (options.charge) startSessions(fleet, options.charge, () => stopping);
  }, 1000);
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (options.duration !== undefined) setTimeout(resolve, options.duration * 1000).unref();
  });
  // Ctrl-C while wallboxes are still connecting stops at once; fleet.stop() ends the start.
  await Promise.race([fleet.start(), stopped]);
  await stopped;
  stopping = true;
  clearInterval(ticker);
  report();
  process.stdout.write('\nclosing…\n');
  await fleet.stop();
  if (fleet.lastFailure) process.stdout.write(`last connect/boot failure: ${fleet.lastFailure.message}\n`);
}

function main(): void {
  let options: CliOptions;
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  run(options).then(
    () => process.exit(0),
    (error: Error) => {
      process.stderr.write(`\n${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}

main();
