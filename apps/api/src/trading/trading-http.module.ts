import { LicensingModule } from '@hst/licensing';
import { TradingModule } from '@hst/trading';
import { Module } from '@nestjs/common';
import { LicenseApplicationsController } from './license-applications.controller';
import { LicensesController } from './licenses.controller';
import { OrdersController } from './orders.controller';
import { WalletController } from './wallet.controller';

/** Licensing and trading routes: license applications, licenses, wallet, orders. */
@Module({
  imports: [LicensingModule, TradingModule],
  controllers: [LicenseApplicationsController, LicensesController, OrdersController, WalletController],
})
export class TradingHttpModule {}
