import { AuditService, auditActorOf } from '@hst/audit';
import { Actor, Page, PageQuery } from '@hst/common';
import { LedgerService, TransferKind, walletOf } from '@hst/ledger';
import { OutboxService } from '@hst/outbox';
import { roleFor, SubjectEntity } from '@hst/subjects';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DepositDto } from '../dto/trading.dto';
import type { DepositResponse, StatementKind, WalletEntryResponse, WalletResponse } from '../dto/trading.responses';
import { assertAmountInRange, TradingErrorCode, TradingException } from '../exceptions/trading.exception';
import type { IdempotentRequest } from '../idempotency';
import { IdempotencyService } from './idempotency.service';
import { WithdrawalsService } from './withdrawals.service';

/** How a ledger transfer kind reads on a wallet statement. */
const STATEMENT_KIND: Partial<Record<TransferKind, StatementKind>> = {
  deposit: 'deposit',
  withdrawal: 'withdrawal',
  withdrawal_release: 'withdrawal',
  payment: 'payment',
  settlement: 'settlement',
  refund: 'refund',
};

/** A subject's wallet: its balance, its statement, and (admin) deposits from the bank. */
@Injectable()
export class WalletService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly withdrawals: WithdrawalsService,
  ) {}

  /** The caller's wallet, opened on first use; held withdrawals have left the balance for the hold account. */
  async get(actor: Actor): Promise<WalletResponse> {
    const wallet = await this.dataSource.transaction((manager) => this.ledger.openWallet(manager, actor.subjectId));
    return {
      balanceFen: await this.ledger.balance(wallet),
      pendingWithdrawalFen: await this.withdrawals.pendingFen(actor.subjectId),
    };
  }

  /** The caller's statement lines, newest first (a wallet has one balance row: balanceAfterFen is the wallet's). */
  async entries(actor: Actor, query: PageQuery): Promise<Page<WalletEntryResponse>> {
    const page = await this.ledger.statement(walletOf(actor.subjectId), query);
    return {
      items: page.items.map((line) => ({
        transferId: line.transferId,
        at: line.at,
        amountFen: line.amountFen,
        balanceAfterFen: line.balanceAfterFen,
        kind: STATEMENT_KIND[line.kind] ?? 'payment',
        ...(line.orderId ? { orderId: line.orderId } : {}),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** Admin: bank → the subject's wallet, once per Idempotency-Key. */
  async deposit(actor: Actor, dto: DepositDto, request: IdempotentRequest): Promise<DepositResponse> {
    const role = roleFor(actor, ['admin']);
    return this.idempotency.run(actor, request, 201, async (manager) => {
      assertAmountInRange(dto.amountFen);
      if (!(await manager.existsBy(SubjectEntity, { id: dto.subjectId }))) {
        throw new TradingException(TradingErrorCode.SubjectUnknown);
      }
      const wallet = await this.ledger.openWallet(manager, dto.subjectId);
      const [posted] = await this.ledger.post(manager, [
        { debit: 'bank', credit: wallet, amountFen: dto.amountFen, kind: 'deposit', reference: dto.reference },
      ]);
      const response: DepositResponse = {
        transferId: posted.transferId,
        subjectId: dto.subjectId,
        amountFen: dto.amountFen,
        reference: dto.reference,
        balanceAfterFen: posted.balancesAfter.credit,
        at: posted.at.toISOString(),
      };
      const data = { transferId: posted.transferId, amountFen: dto.amountFen, reference: dto.reference };
      await this.audit.record(manager, {
        actor: auditActorOf(actor, role),
        action: 'wallet.deposited',
        entityType: 'wallet',
        entityId: dto.subjectId,
        data,
      });
      await this.outbox.publish(manager, {
        type: 'wallet.deposited',
        aggregateType: 'wallet',
        aggregateId: dto.subjectId,
        payload: data,
      });
      return response;
    });
  }
}
