import { AuditActor, AuditService, auditActorOf } from '@hst/audit';
import { Actor, newestFirstPage, nextState, Page, PageQuery } from '@hst/common';
import { eachApart, sweepDue } from '@hst/database';
import { LedgerService, TransferSpec, walletOf } from '@hst/ledger';
import { OutboxService } from '@hst/outbox';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { WithdrawalDto } from '../dto/trading.dto';
import type { WithdrawalResponse } from '../dto/trading.responses';
import { WithdrawalEntity } from '../entities/withdrawal.entity';
import { assertAmountInRange } from '../exceptions/trading.exception';
import type { IdempotentRequest } from '../idempotency';
import { WITHDRAWAL_MACHINE } from '../withdrawal-status';
import { IdempotencyService } from './idempotency.service';
import { PayoutGateway } from './payout-gateway';

export type PayoutResult = 'paid' | 'failed' | 'not_held';

/** A held withdrawal older than this is the sweep's: its job was lost, or is retrying. */
const SWEEP_AFTER_SECONDS = 60;

export function toWithdrawalResponse(w: WithdrawalEntity): WithdrawalResponse {
  return {
    id: w.id,
    amountFen: w.amountFen,
    status: w.status,
    createdAt: w.createdAt.toISOString(),
    completedAt: w.completedAt?.toISOString() ?? null,
  };
}

/**
 * Withdrawals (提现): held at once in the request's transaction (wallet → withdrawal_hold, 409 beyond the
 * balance), then paid out by the `payouts` worker (hold → bank) or released when the bank refuses
 * (hold → wallet). Exactly once: the withdrawal row lock and its status decide, and the ledger transfers
 * commit with the status change.
 */
@Injectable()
export class WithdrawalsService {
  private readonly logger = new Logger(WithdrawalsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly idempotency: IdempotencyService,
    private readonly gateway: PayoutGateway,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** The caller's withdrawal, held once per Idempotency-Key (202: the worker pays it out). */
  async request(actor: Actor, dto: WithdrawalDto, request: IdempotentRequest): Promise<WithdrawalResponse> {
    return this.idempotency.run(actor, request, 202, async (manager) => {
      assertAmountInRange(dto.amountFen);
      const id = randomUUID();
      const wallet = await this.ledger.openWallet(manager, actor.subjectId);
      const [hold] = await this.ledger.post(manager, [
        { debit: wallet, credit: 'withdrawal_hold', amountFen: dto.amountFen, kind: 'withdrawal', ...keyed(id) },
      ]); // 409 insufficient funds beyond the balance
      const withdrawal = manager.create(WithdrawalEntity, {
        id,
        subjectId: actor.subjectId,
        amountFen: dto.amountFen,
        status: 'held',
        holdTransferId: hold.transferId,
        completionTransferId: null,
        outcomeDetail: null,
        completedAt: null,
      });
      await manager.insert(WithdrawalEntity, withdrawal);
      await this.record(manager, 'withdrawal.requested', withdrawal, auditActorOf(actor), {
        amountFen: dto.amountFen,
        transferId: hold.transferId,
      });
      return toWithdrawalResponse(withdrawal);
    });
  }

  /** The caller's withdrawals, newest first. */
  async list(actor: Actor, query: PageQuery): Promise<Page<WithdrawalResponse>> {
    const qb = this.dataSource
      .getRepository(WithdrawalEntity)
      .createQueryBuilder('w')
      .where('w.subject_id = :me', { me: actor.subjectId });
    return newestFirstPage(qb, query, { column: 'created_at', of: (w) => w.createdAt }, toWithdrawalResponse);
  }

  /** What the subject has held for withdrawals not yet paid out. */
  async pendingFen(subjectId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ total: string }[]>(
      `SELECT COALESCE(sum(amount_fen), 0) AS total FROM withdrawals WHERE subject_id = $1 AND status = 'held'`,
      [subjectId],
    );
    return Number(row?.total ?? 0);
  }

  /**
   * The worker's payout of one withdrawal: hold → bank when the bank pays, hold → wallet when it refuses.
   * Safe to run any number of times: the row lock and the status decide; a gateway that throws rolls
   * the transaction back and leaves the withdrawal held for a retry.
   */
  async payOut(id: string): Promise<PayoutResult> {
    return this.dataSource.transaction(async (manager) => {
      const withdrawal = await manager.findOne(WithdrawalEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!withdrawal || withdrawal.status !== 'held') return 'not_held';
      const outcome = await this.gateway.payOut({
        withdrawalId: withdrawal.id,
        subjectId: withdrawal.subjectId,
        amountFen: withdrawal.amountFen,
      });
      const { amountFen } = withdrawal;
      const spec: TransferSpec = outcome.ok
        ? { debit: 'withdrawal_hold', credit: 'bank', amountFen, kind: 'withdrawal', ...keyed(id) }
        : {
            debit: 'withdrawal_hold',
            credit: walletOf(withdrawal.subjectId),
            amountFen,
            kind: 'withdrawal_release',
            ...keyed(id),
          };
      const [transfer] = await this.ledger.post(manager, [spec]);
      withdrawal.status = nextState(WITHDRAWAL_MACHINE, withdrawal.status, outcome.ok ? 'pay' : 'fail');
      withdrawal.completionTransferId = transfer.transferId;
      withdrawal.outcomeDetail = (outcome.ok ? outcome.reference : outcome.reason).slice(0, 255);
      withdrawal.completedAt = transfer.at;
      await manager.save(withdrawal);
      await this.record(manager, outcome.ok ? 'withdrawal.paid' : 'withdrawal.failed', withdrawal, null, {
        amountFen,
        transferId: transfer.transferId,
        detail: withdrawal.outcomeDetail,
      });
      return withdrawal.status === 'paid' ? 'paid' : 'failed';
    });
  }

  /** Pays out every withdrawal held longer than a minute, past any that fail: the net under jobs that Redis lost. */
  payOutDue(): Promise<number> {
    return sweepDue(
      this.dataSource,
      {
        table: 'withdrawals',
        dueAt: 'created_at',
        where: `status = 'held' AND created_at <= now() - make_interval(secs => $1)`,
        params: [SWEEP_AFTER_SECONDS],
      },
      // A payout the bank cannot take now is retried by the next sweep.
      (ids) =>
        eachApart(
          ids,
          async (id) => (await this.payOut(id)) !== 'not_held',
          (id, error) => this.logger.error(`payout of withdrawal ${id} failed: ${error.message}`),
        ),
    );
  }

  private async record(
    manager: EntityManager,
    action: string,
    withdrawal: WithdrawalEntity,
    actor: AuditActor | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    const payload = { subjectId: withdrawal.subjectId, status: withdrawal.status, ...data };
    await this.audit.record(manager, {
      actor,
      action,
      entityType: 'withdrawal',
      entityId: withdrawal.id,
      data: payload,
    });
    await this.outbox.publish(manager, {
      type: action,
      aggregateType: 'withdrawal',
      aggregateId: withdrawal.id,
      payload,
    });
  }
}

/** Every transfer of a withdrawal is keyed by it: the same hold shard is filled and emptied. */
const keyed = (withdrawalId: string) => ({ shardKey: withdrawalId, reference: `withdrawal:${withdrawalId}` });
