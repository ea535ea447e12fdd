import { AuditModule } from '@hst/audit';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LedgerAccountEntity } from './entities/ledger-account.entity';
import { LedgerBalanceEntity } from './entities/ledger-balance.entity';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { LedgerTransferEntity } from './entities/ledger-transfer.entity';
import { LedgerReconciliation } from './services/ledger-reconciliation.service';
import { LedgerService } from './services/ledger.service';

/** The double-entry ledger (交易结算的账本). Trading orchestrates it; it knows nothing of orders' rules. */
@Module({
  imports: [
    TypeOrmModule.forFeature([LedgerAccountEntity, LedgerBalanceEntity, LedgerTransferEntity, LedgerEntryEntity]),
    AuditModule,
  ],
  providers: [LedgerService, LedgerReconciliation],
  exports: [LedgerService, LedgerReconciliation],
})
export class LedgerModule {}
