import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ChargePointRow } from './charge-point.entity';

@Entity({ name: 'connectors' })
export class ConnectorRow {
  @PrimaryColumn({ name: 'charge_point_identity', type: 'varchar', length: 48 })
  chargePointIdentity: string;

  @PrimaryColumn({ name: 'connector_id', type: 'integer' })
  connectorId: number;

  @ManyToOne(() => ChargePointRow, (chargePoint) => chargePoint.connectors, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'charge_point_identity' })
  chargePoint: ChargePointRow;

  /** Meter reading in kWh (Energy.Active.Import.Register). */
  @Column({ name: 'meter_value', type: 'double precision', nullable: true })
  meterValue: number | null;

  @Column({ type: 'boolean', default: true })
  available: boolean;

  @Column({ type: 'varchar', length: 32 })
  status: string;

  /** "" when NoError. */
  @Column({ name: 'error_code', type: 'varchar', length: 32, default: '' })
  errorCode: string;

  @Column({ type: 'boolean', default: false })
  transaction: boolean;

  @Column({ name: 'transaction_id', type: 'integer', nullable: true })
  transactionId: number | null;

  @Column({ name: 'transaction_meter_start', type: 'integer', default: 0 })
  transactionMeterStart: number;

  @Column({ name: 'transaction_meter_end', type: 'integer', nullable: true })
  transactionMeterEnd: number | null;

  @Column({ name: 'transaction_id_tag', type: 'varchar', length: 20, nullable: true })
  transactionIdTag: string | null;

  /** Wh consumed by the current (live) or last transaction. */
  @Column({ name: 'transaction_consumption', type: 'integer', default: 0 })
  transactionConsumption: number;
}
