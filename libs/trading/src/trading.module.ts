import { Module } from '@nestjs/common';

/** Wallets, orders, payment and settlement (交易结算): turns approvals into orders and payments into licenses. */
@Module({ imports: [], providers: [], exports: [] })
export class TradingModule {}
