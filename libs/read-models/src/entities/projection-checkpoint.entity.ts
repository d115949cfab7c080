import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The checkpoint key (and durable consumer name) of the state projection that keeps these read models. */
export const STATE_PROJECTION = 'state-projection';

const sequences = { to: (value: number[]) => value, from: (value: string[]) => value.map(Number) };

/**
 * How far a projection is: every event up to `sequence`, and the events in `appliedAbove`
 * beyond it (a batch commits a charge point's events ahead of other charge points' telemetry).
 * Written in the same statement as the rows.
 */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpointRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  projection: string;

  @Column({ type: 'bigint', transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  sequence: number;

  @Column({ name: 'applied_above', type: 'bigint', array: true, default: () => "'{}'", transformer: sequences })
  appliedAbove: number[];
}
