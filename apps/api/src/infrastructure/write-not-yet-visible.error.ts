/**
 * A write that is stored in the event log (it takes effect), but that the read models did not show
 * within the read-your-writes wait: answered 202 with where to look, never as a failure.
 */
export class WriteNotYetVisibleError extends Error {
  constructor(readonly sequence: number) {
    super(`stored as event ${sequence} of the log; the read models do not show it yet`);
    this.name = 'WriteNotYetVisibleError';
  }
}
