import { ConfigError, loadConfig, logFormatOf, type Config } from '@voltstream/config';
import { createLogger } from './logger';

/**
 * The configuration of a service, read before its logger exists. A bad value ends the process with
 * exit code 1 after one `fatal` line written as the service's every other line (JSON, or readable
 * in a terminal), naming the `variable` and the `reason`.
 */
export function loadServiceConfig(service: string, env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    createLogger({ service, level: 'fatal', format: logFormatOf(env) }).fatal({ variable: error.variable, reason: error.reason }, error.message);
    process.exit(1);
  }
}
