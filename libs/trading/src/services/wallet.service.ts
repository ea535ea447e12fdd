import { AuditService, auditActorOf } from '@hst/audit';
import { Actor, decodeCursor, MAX_AMOUNT_FEN, Page, PageQuery, toPage } from '@hst/common';
import { LedgerService, walletOf } from '@hst/ledger';
import { OutboxService } from '@hst/outbox';
import { roleFor, SubjectEntity } from '@hst/subjects';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DepositDto } from '../dto/trading.dto';
import type { DepositResponse, StatementKind, WalletEntryResponse, WalletResponse } from '../dto/trading.responses';
import { TradingErrorCode, TradingException } from '../exceptions/trading.exception';
import type { IdempotentRequest } from '../idempotency';
import { IdempotencyService } from './idempotency.service';

type EntryCursor = { id: string };
const isEntryCursor = (v: Record<string, unknown>): v is EntryCursor =>
  typeof v.id === 'string' && /^\d{1,19}$/.test(v.id);

/** How a ledger transfer kind reads on a wallet statement. */
const STATEMENT_KIND: Record<string, StatementKind> = {
  deposit: 'deposit',
  withdrawal: 'withdrawal',
  withdrawal_release: 'withdrawal',
  payment: 'payment',
  settlement: 'settlement',
  refund: 'refund',
};

type EntryRow = {
  id: string;
  transfer_id: string;
  amount_fen: string;
  balance_after_fen: string;
  created_at: Date;
  kind: string;
  order_id: string | null;
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
  ) {}

  /** The caller's wallet, opened on first use. Withdrawals are not built yet: nothing is ever held. */
  async get(actor: Actor): Promise<WalletResponse> {
    const wallet = await this.dataSource.transaction((manager) => this.ledger.openWallet(manager, actor.subjectId));
    return { balanceFen: await this.ledger.balance(wallet), pendingWithdrawalFen: 0 };
  }

  /** The caller's statement lines, newest first (a wallet has one balance row: balanceAfterFen is the wallet's). */
  async entries(actor: Actor, query: PageQuery): Promise<Page<WalletEntryResponse>> {
    const cursor = decodeCursor(query.cursor, isEntryCursor);
    const rows = await this.dataSource.query<EntryRow[]>(
      `SELECT e.id, e.transfer_id, e.amount_fen, e.balance_after_fen, e.created_at, t.kind, t.order_id
         FROM ledger_entries e JOIN ledger_transfers t ON t.id = e.transfer_id
        WHERE e.account_id = $1 AND ($2::bigint IS NULL OR e.id < $2::bigint)
        ORDER BY e.id DESC
        LIMIT $3`,
      [walletOf(actor.subjectId), cursor?.id ?? null, query.limit + 1],
    );
    return toPage(
      rows,
      query.limit,
      (r) => ({
        transferId: r.transfer_id,
        at: r.created_at.toISOString(),
        amountFen: Number(r.amount_fen),
        balanceAfterFen: Number(r.balance_after_fen),
        kind: STATEMENT_KIND[r.kind] ?? 'payment',
        ...(r.order_id ? { orderId: r.order_id } : {}),
      }),
      (r) => ({ id: String(r.id) }),
    );
  }

  /** Admin: bank → the subject's wallet, once per Idempotency-Key. */
  async deposit(actor: Actor, dto: DepositDto, request: IdempotentRequest): Promise<DepositResponse> {
    const role = roleFor(actor, ['admin']);
    return this.idempotency.run(actor, request, 201, async (manager) => {
      if (!Number.isSafeInteger(dto.amountFen) || dto.amountFen > MAX_AMOUNT_FEN) {
        throw new TradingException(TradingErrorCode.AmountOutOfRange);
      }
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
