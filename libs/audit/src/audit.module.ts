import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditChainHeadEntity } from './entities/audit-chain-head.entity';
import { AlertEntity } from './entities/alert.entity';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AlertsService } from './services/alerts.service';
import { AuditQueryService } from './services/audit-query.service';
import { AuditSequencer } from './services/audit-sequencer.service';
import { AuditVerifier } from './services/audit-verifier.service';
import { AuditService } from './services/audit.service';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity, AuditChainHeadEntity, AlertEntity])],
  providers: [AuditService, AuditSequencer, AuditVerifier, AuditQueryService, AlertsService],
  exports: [AuditService, AuditSequencer, AuditVerifier, AuditQueryService, AlertsService],
})
export class AuditModule {}
