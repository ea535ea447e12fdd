import { LedgerModule } from '@hst/ledger';
import { Module } from '@nestjs/common';
import { LedgerController } from './ledger.controller';

/** Ledger routes for admins and regulators: trial balance and transfer journal. */
@Module({ imports: [LedgerModule], controllers: [LedgerController] })
export class LedgerHttpModule {}
