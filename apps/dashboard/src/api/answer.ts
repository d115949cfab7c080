/** What became of a command to a wallbox, as the operator sees it next to the control that sent it. */
export type Answer =
  | { kind: 'pending' }
  /** The wallbox answered: Accepted, Rejected, Unlocked, NotSupported… */
  | { kind: 'answered'; status: string; positive: boolean }
  | { kind: 'offline' | 'timeout' | 'failed'; message: string };

interface CommandError {
  graphQLErrors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
  networkError?: Error;
}

const POSITIVE = new Set(['Accepted', 'Unlocked', 'Scheduled']);

/** The API relays the wallbox's status; CONFLICT means it is offline, GATEWAY_TIMEOUT that it did not answer in time. */
export function answerOf(status: string | undefined, error: CommandError | undefined): Answer {
  if (status !== undefined && !error) return { kind: 'answered', status, positive: POSITIVE.has(status) };
  const refusal = error?.graphQLErrors[0];
  if (!refusal) return { kind: 'failed', message: error?.networkError ? 'the API could not be reached' : 'no answer' };
  const code = refusal.extensions?.code;
  if (code === 'CONFLICT') return { kind: 'offline', message: refusal.message };
  if (code === 'GATEWAY_TIMEOUT') return { kind: 'timeout', message: refusal.message };
  return { kind: 'failed', message: refusal.message };
}
