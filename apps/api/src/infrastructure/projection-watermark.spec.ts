import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@voltstream/config';
import { dropDatabase, openReadModels, ProjectionCheckpointRow, STATE_PROJECTION } from '@voltstream/read-models';
import { testEnv, uniqueNamespace } from '@voltstream/testing';
import { ProjectionWatermark } from './projection-watermark.service';

const { databaseUrl } = loadConfig(testEnv(uniqueNamespace()));
let db: DataSource;
let watermark: ProjectionWatermark;

const checkpointAt = (sequence: number, appliedAbove: number[]) =>
  db.getRepository(ProjectionCheckpointRow).save({ projection: STATE_PROJECTION, sequence, appliedAbove });

beforeAll(async () => {
  db = await openReadModels(databaseUrl);
  watermark = new ProjectionWatermark(db, 5000);
});

afterAll(async () => {
  await db?.destroy();
  await dropDatabase(databaseUrl);
});

describe('waiting for the read models to include an event', () => {
  it('counts an event at or below the checkpoint, and one the checkpoint names as applied ahead', async () => {
    await checkpointAt(10, [12]);
    expect(await watermark.reached(10)).toBe(true);
    expect(await watermark.reached(12)).toBe(true);
  });

  it('waits for an event between the two until the checkpoint covers it', async () => {
    await checkpointAt(10, [12]);
    let answered = false;
    const waiting = watermark.reached(11).then((reached) => (answered = reached));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    await checkpointAt(12, []);
    expect(await waiting).toBe(true);
  });
});
