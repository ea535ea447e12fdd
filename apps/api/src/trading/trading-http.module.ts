import { LicensingModule } from '@hst/licensing';
import { TradingModule } from '@hst/trading';
import { Module } from '@nestjs/common';
import { DisputesController } from './disputes.controller';
import { LicenseApplicationsController } from './license-applications.controller';
import { LicensesController } from './licenses.controller';
import { OrdersController } from './orders.controller';
import { StatementsController } from './statements.controller';
import { WalletController } from './wallet.controller';

/** Licensing and trading routes: license applications, licenses, wallet, orders, disputes, statements. */
@Module({
  imports: [LicensingModule, TradingModule],
  controllers: [
    LicenseApplicationsController,
    LicensesController,
    OrdersController,
    DisputesController,
    StatementsController,
    WalletController,
  ],
})
export class TradingHttpModule {}
