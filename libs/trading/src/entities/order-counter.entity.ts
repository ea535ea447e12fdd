import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The last order number of each Asia/Shanghai day; its row lock makes numbering gapless per day. */
@Entity('order_counters')
@Check('CHK_order_counters_last_value', `"last_value" BETWEEN 1 AND 999999`)
export class OrderCounterEntity {
  /** 'YYYYMMDD' in Asia/Shanghai. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  day: string;

  @Column({ type: 'integer' })
  lastValue: number;
}
