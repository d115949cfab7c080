/** A backing server (Postgres, NATS) the services use, and how to stop it if the launcher started it. */
export interface StartedServer {
  url: string;
  /** True when the launcher started it, so stopping it is the launcher's job. */
  startedHere: boolean;
  stop(): Promise<void>;
}
