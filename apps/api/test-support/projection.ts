import { startServices } from '@voltstream/launcher';
import { openReadModels } from '@voltstream/read-models';
import { ProjectionWatermark } from '../src/infrastructure/projection-watermark.service';

/** How long record() waits for the projection: a loaded test machine is slow. */
const PROJECTION_WAIT_MS = 10_000;

export interface TestProjection {
  /** Resolves once the read models include every event up to this stream sequence. */
  reached(sequence: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real state projection, built (`npm run build`) and run as a process of its own, as the launcher
 * runs it: an app never imports another. Resolves once it is ready.
 */
export async function startTestProjection(env: Record<string, string>, databaseUrl: string): Promise<TestProjection> {
  const services = await startServices(env, ['state-projection']);
  const readModels = await openReadModels(databaseUrl);
  const watermark = new ProjectionWatermark(readModels, PROJECTION_WAIT_MS);
  return {
    reached: async (sequence) => {
      if (!(await watermark.reached(sequence))) throw new Error(`the state projection has not applied event ${sequence}`);
    },
    close: async () => {
      await services.stop();
      await readModels.destroy();
    },
  };
}
