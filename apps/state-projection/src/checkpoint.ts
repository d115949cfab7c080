import type { ProjectionCheckpointRow } from '@voltstream/read-models';

/** How far the read models are: every event up to `sequence`, and those in `appliedAbove` beyond it. */
export type Checkpoint = Pick<ProjectionCheckpointRow, 'sequence' | 'appliedAbove'>;

/** Whether the checkpoint covers the event at a sequence: up to its sequence, or applied ahead. */
export function coveredBy(checkpoint: Checkpoint): (sequence: number) => boolean {
  const ahead = new Set(checkpoint.appliedAbove);
  return (sequence) => sequence <= checkpoint.sequence || ahead.has(sequence);
}

/** The checkpoint once these events, beyond its sequence, are written ahead of the ones before them. */
export function appliedAhead(checkpoint: Checkpoint, sequences: readonly number[]): Checkpoint {
  return { sequence: checkpoint.sequence, appliedAbove: [...checkpoint.appliedAbove, ...sequences] };
}

/** The checkpoint once every event up to `last` is written. */
export function appliedUpTo(checkpoint: Checkpoint, last: number): Checkpoint {
  return { sequence: last, appliedAbove: checkpoint.appliedAbove.filter((sequence) => sequence > last) };
}
