import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The checkpoint key (and durable consumer name) of the state projection that keeps these read models. */
export const STATE_PROJECTION = 'state-projection';

/** The last event-log sequence a projection applied; written in the same transaction as its rows. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpointRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  projection: string;

  @Column({ type: 'bigint', transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  sequence: number;
}
