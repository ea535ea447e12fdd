import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last certificate number of each year; its row lock makes numbering gapless under concurrency. */
@Entity('certificate_counters')
export class CertificateCounterEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  lastValue: number;
}
