import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditChainHeadEntity } from './entities/audit-chain-head.entity';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditQueryService } from './services/audit-query.service';
import { AuditSequencer } from './services/audit-sequencer.service';
import { AuditVerifier } from './services/audit-verifier.service';
import { AuditService } from './services/audit.service';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity, AuditChainHeadEntity])],
  providers: [AuditService, AuditSequencer, AuditVerifier, AuditQueryService],
  exports: [AuditService, AuditSequencer, AuditVerifier, AuditQueryService],
})
export class AuditModule {}
