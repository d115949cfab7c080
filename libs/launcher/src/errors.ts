/** A problem the person starting Voltstream can fix; its message says how. */
export class LauncherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LauncherError';
  }
}
