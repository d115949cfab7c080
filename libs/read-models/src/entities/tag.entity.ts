import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Fields shared by the central tag list and a charge point's local list. */
abstract class TagColumns {
  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  info: string;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'boolean', default: false })
  blocked: boolean;

  @Column({ name: 'parent_id_tag', type: 'varchar', length: 20, nullable: true })
  parentIdTag: string | null;
}

/** The central tag list. */
@Entity({ name: 'tags' })
export class TagRow extends TagColumns {
  @PrimaryColumn({ name: 'id_tag', type: 'varchar', length: 20 })
  idTag: string;
}

/** A charge point's local tag list. */
@Entity({ name: 'local_tags' })
export class LocalTagRow extends TagColumns {
  @PrimaryColumn({ name: 'charge_point_identity', type: 'varchar', length: 48 })
  chargePointIdentity: string;

  @PrimaryColumn({ name: 'id_tag', type: 'varchar', length: 20 })
  idTag: string;
}
