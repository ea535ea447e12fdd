import { AuditModule } from '@hst/audit';
import { LedgerModule } from '@hst/ledger';
import { LicensingModule } from '@hst/licensing';
import { OutboxModule } from '@hst/outbox';
import { QueueModule, QueueName } from '@hst/queue';
import { RegistryModule } from '@hst/registry';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { OrderCounterEntity } from './entities/order-counter.entity';
import { OrderEntity } from './entities/order.entity';
import { ApprovalService } from './services/approval.service';
import { IdempotencyService } from './services/idempotency.service';
import { OrderTimeoutQueue } from './services/order-timeout-queue.service';
import { OrdersService } from './services/orders.service';
import { PaymentService } from './services/payment.service';
import { SettlementScheduler } from './services/settlement-scheduler.consumer';
import { SettlementService } from './services/settlement.service';
import { WalletService } from './services/wallet.service';

/** Wallets, orders, payment and settlement (交易结算): turns approvals into orders and payments into licenses. */
@Module({
  imports: [
    TypeOrmModule.forFeature([OrderEntity, OrderCounterEntity, IdempotencyKeyEntity]),
    AuditModule,
    OutboxModule,
    LedgerModule,
    LicensingModule,
    RegistryModule,
    QueueModule.register(QueueName.OrderPaymentTimeout, QueueName.Settlement),
  ],
  providers: [
    IdempotencyService,
    OrdersService,
    ApprovalService,
    PaymentService,
    WalletService,
    OrderTimeoutQueue,
    SettlementService,
    SettlementScheduler,
  ],
  exports: [
    IdempotencyService,
    OrdersService,
    ApprovalService,
    PaymentService,
    WalletService,
    SettlementService,
    SettlementScheduler,
  ],
})
export class TradingModule {}
