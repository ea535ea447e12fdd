import { TradingModule } from '@hst/trading';
import { Module } from '@nestjs/common';

/** Trading's jobs: payment timeouts, settlement, payouts, and the sweeps that find timers Redis lost. */
@Module({ imports: [TradingModule], providers: [] })
export class TradingJobsModule {}
