import { AuditModule } from '@hst/audit';
import { LedgerModule } from '@hst/ledger';
import { LicensingModule } from '@hst/licensing';
import { OutboxModule } from '@hst/outbox';
import { QueueModule, QueueName } from '@hst/queue';
import { RegistryModule } from '@hst/registry';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DisputeEntity } from './entities/dispute.entity';
import { WithdrawalEntity } from './entities/withdrawal.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { OrderCounterEntity } from './entities/order-counter.entity';
import { OrderEntity } from './entities/order.entity';
import { DisputesService } from './services/disputes.service';
import { ApprovalService } from './services/approval.service';
import { IdempotencyService } from './services/idempotency.service';
import { OrderTimeoutQueue } from './services/order-timeout-queue.service';
import { OrdersService } from './services/orders.service';
import { PaymentService } from './services/payment.service';
import { SettlementScheduler } from './services/settlement-scheduler.consumer';
import { SettlementService } from './services/settlement.service';
import { StatementsService } from './services/statements.service';
import { PayoutGateway, SimulatedPayoutGateway } from './services/payout-gateway';
import { PayoutScheduler } from './services/payout-scheduler.consumer';
import { WithdrawalsService } from './services/withdrawals.service';
import { WalletService } from './services/wallet.service';

/**
 * Wallets, orders, payment, settlement, disputes, statements and withdrawals (交易结算): turns approvals into
 * orders and payments into licenses.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([OrderEntity, OrderCounterEntity, IdempotencyKeyEntity, DisputeEntity, WithdrawalEntity]),
    AuditModule,
    OutboxModule,
    LedgerModule,
    LicensingModule,
    RegistryModule,
    QueueModule.register(QueueName.OrderPaymentTimeout, QueueName.Settlement, QueueName.Payouts),
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
    DisputesService,
    StatementsService,
    WithdrawalsService,
    PayoutScheduler,
    // The bank: simulated (always pays) unless a deployment provides a real one.
    { provide: PayoutGateway, useClass: SimulatedPayoutGateway },
  ],
  exports: [
    IdempotencyService,
    OrdersService,
    ApprovalService,
    PaymentService,
    WalletService,
    SettlementService,
    SettlementScheduler,
    DisputesService,
    StatementsService,
    WithdrawalsService,
    PayoutScheduler,
    PayoutGateway,
  ],
})
export class TradingModule {}
