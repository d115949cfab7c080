/** What the baseline processes tell the benchmark (IPC). */
export type FromBaseline =
  | { kind: 'listening'; port: number }
  | { kind: 'ready' }
  | { kind: 'inserted'; rows: number; insertMs: number }
  | { kind: 'failed'; message: string };
