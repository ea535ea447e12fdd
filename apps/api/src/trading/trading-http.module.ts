import { LicensingModule } from '@hst/licensing';
import { TradingModule } from '@hst/trading';
import { Module } from '@nestjs/common';

/** Licensing and trading routes: license applications, licenses, wallet, orders. */
@Module({ imports: [LicensingModule, TradingModule], controllers: [] })
export class TradingHttpModule {}
