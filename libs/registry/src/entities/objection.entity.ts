import { SubjectEntity } from '@hst/subjects';
import { RegistrationEntity } from './registration.entity';
import { Check, Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';

/** An objection raised during a registration's public notice (公示异议). */
@Entity('registration_objections')
@Check('CHK_registration_objections_status', `"status" IN ('open', 'upheld', 'dismissed')`)
@Index('IDX_registration_objections_registration_id', ['registrationId'])
@Index('UQ_registration_objections_one_open', ['registrationId'], { unique: true, where: `"status" = 'open'` })
export class ObjectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'FK_registration_objections_registration_id' })
  registration?: RegistrationEntity;

  @Column({ type: 'uuid' })
  objectorId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'objector_id', foreignKeyConstraintName: 'FK_registration_objections_objector_id' })
  objector?: SubjectEntity;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 16 })
  status: ObjectionStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
