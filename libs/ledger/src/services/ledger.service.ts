import { decodeCursor, newestFirstPage, Page, PageQuery, toPage } from '@hst/common';
import { isCheckViolation } from '@hst/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccountId, SHARDS, TransferKind, walletOf } from '../accounts';
import type { TransferResponse, TransfersQuery } from '../dto/ledger.dto';
import { LedgerTransferEntity } from '../entities/ledger-transfer.entity';
import { LedgerErrorCode, LedgerException } from '../exceptions/ledger.exception';
import { balanceKey, BalanceKey, balancesAfter, legsOf, netDeltas, TransferSpec } from '../ledger-legs';

export type PostedTransfer = {
  transferId: string;
  spec: TransferSpec;
  at: Date;
  balancesAfter: { debit: number; credit: number };
};

/** One line of an account's statement: its entry of a transfer, signed, with the balance after it. */
export type StatementLine = {
  transferId: string;
  at: string;
  amountFen: number;
  balanceAfterFen: number;
  kind: TransferKind;
  orderId: string | null;
};

type EntryCursor = { id: string };
const isEntryCursor = (v: Record<string, unknown>): v is EntryCursor =>
  typeof v.id === 'string' && /^\d{1,19}$/.test(v.id);

type EntryRow = {
  id: string;
  transfer_id: string;
  amount_fen: string;
  balance_after_fen: string;
  created_at: Date;
  kind: TransferKind;
  order_id: string | null;
};

export type TrialBalance = {
  accounts: { account: string; balanceFen: number }[];
  totalFen: number;
  transferCount: number;
};

export type ReconciliationFinding =
  | { kind: 'balance_mismatch'; accountId: string; shard: number; balanceFen: number; entriesFen: number }
  | { kind: 'unbalanced_transfer'; transferId: string; entriesFen: number; entryCount: number };

/**
 * The double-entry ledger. Transfers are immutable; balances live in shard rows that always equal the
 * sum of their entries; the sum of all balances is 0; no account but the bank goes below 0 (a CHECK on
 * the balance row). Everything runs in the caller's transaction, so a trade's transfers commit with it.
 */
@Injectable()
export class LedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Opens a subject's wallet if it is not open yet (idempotent). */
  async openWallet(manager: EntityManager, subjectId: string): Promise<AccountId> {
    await this.openWallets(manager, [subjectId]);
    return walletOf(subjectId);
  }

  /** Opens several wallets with two statements whatever their number (idempotent). */
  async openWallets(manager: EntityManager, subjectIds: string[]): Promise<void> {
    const subjects = [...new Set(subjectIds)].sort(); // one insert order everywhere: no deadlock between batches
    if (subjects.length === 0) return;
    await manager.query(
      `INSERT INTO ledger_accounts (id, subject_id, shards)
       SELECT 'wallet:' || s, s::uuid, $2 FROM unnest($1::text[]) AS s
       ON CONFLICT (id) DO NOTHING`,
      [subjects, SHARDS.wallet],
    );
    await manager.query(
      `INSERT INTO ledger_balances (account_id, shard, balance_fen, non_negative)
       SELECT 'wallet:' || s, n, 0, true FROM unnest($1::text[]) AS s, generate_series(0, $2::int - 1) AS n
       ON CONFLICT (account_id, shard) DO NOTHING`,
      [subjects, SHARDS.wallet],
    );
  }

  /**
   * Posts transfers atomically in the caller's transaction. Rows are locked in one global order, so
   * concurrent posts never deadlock; an overdraft aborts the whole batch with 409 insufficient funds.
   */
  async post(manager: EntityManager, specs: TransferSpec[]): Promise<PostedTransfer[]> {
    if (specs.length === 0) return [];
    const ids = specs.map(() => randomUUID());
    const legs = legsOf(specs, ids);
    const deltas = netDeltas(legs);
    const accounts = deltas.map((d) => d.accountId);
    const shards = deltas.map((d) => d.shard);
    const locked = await manager.query<{ account_id: string; shard: number }[]>(
      `SELECT account_id, shard FROM ledger_balances
        WHERE (account_id, shard) IN (SELECT * FROM unnest($1::varchar[], $2::smallint[]))
        ORDER BY account_id, shard FOR UPDATE`,
      [accounts, shards],
    );
    if (locked.length !== deltas.length) {
      const found = new Set(locked.map((r) => r.account_id));
      throw new LedgerException(
        LedgerErrorCode.UnknownAccount,
        accounts.find((a) => !found.has(a)),
      );
    }
    let updated: { account_id: string; shard: number; balance_fen: string; now: Date }[];
    try {
      updated = await manager.query(
        // As a CTE so the driver returns the rows (a bare UPDATE … RETURNING comes back as [rows, count]).
        `WITH updated AS (
           UPDATE ledger_balances b SET balance_fen = b.balance_fen + v.delta
             FROM unnest($1::varchar[], $2::smallint[], $3::bigint[]) AS v(account_id, shard, delta)
            WHERE b.account_id = v.account_id AND b.shard = v.shard
          RETURNING b.account_id, b.shard, b.balance_fen)
         SELECT *, now() AS now FROM updated`,
        [accounts, shards, deltas.map((d) => d.deltaFen)],
      );
    } catch (error) {
      if (isCheckViolation(error)) {
        throw new LedgerException(LedgerErrorCode.InsufficientFunds);
      }
      throw error;
    }
    const finals = new Map<BalanceKey, number>(
      updated.map((r) => [balanceKey(r.account_id, Number(r.shard)), Number(r.balance_fen)]),
    );
    const after = balancesAfter(legs, finals);
    const now = updated[0]?.now ?? new Date(); // the transaction's timestamp, as now() gives it
    await manager.query(
      `INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount_fen, kind, order_id, reference, created_at)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::bigint[], $5::varchar[], $6::uuid[], $7::varchar[], $8::timestamptz[])`,
      [
        ids,
        specs.map((s) => s.debit),
        specs.map((s) => s.credit),
        specs.map((s) => s.amountFen),
        specs.map((s) => s.kind),
        specs.map((s) => s.orderId ?? null),
        specs.map((s) => s.reference ?? null),
        specs.map(() => now),
      ],
    );
    await manager.query(
      `INSERT INTO ledger_entries (transfer_id, account_id, shard, amount_fen, balance_after_fen, created_at)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::smallint[], $4::bigint[], $5::bigint[], $6::timestamptz[])`,
      [
        legs.map((l) => ids[l.transferIndex]),
        legs.map((l) => l.accountId),
        legs.map((l) => l.shard),
        legs.map((l) => l.amountFen),
        after,
        legs.map(() => now),
      ],
    );
    return specs.map((spec, i) => ({
      transferId: ids[i],
      spec,
      at: now,
      balancesAfter: { debit: after[2 * i], credit: after[2 * i + 1] },
    }));
  }

  /** The transfer journal, newest first, for admins and regulators. */
  async transfers(query: TransfersQuery): Promise<Page<TransferResponse>> {
    const qb = this.dataSource.getRepository(LedgerTransferEntity).createQueryBuilder('t');
    if (query.account) {
      qb.andWhere('(t.debit_account_id = :account OR t.credit_account_id = :account)', {
        account: query.account.toLowerCase(),
      });
    }
    if (query.orderId) qb.andWhere('t.order_id = :orderId', { orderId: query.orderId });
    if (query.from) qb.andWhere('t.created_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('t.created_at < :to', { to: query.to });
    return newestFirstPage(qb, query, { column: 'created_at', of: (t) => t.createdAt }, (t) => ({
      id: t.id,
      debitAccount: t.debitAccountId,
      creditAccount: t.creditAccountId,
      amountFen: t.amountFen,
      kind: t.kind,
      orderId: t.orderId,
      reference: t.reference,
      at: t.createdAt.toISOString(),
    }));
  }

  /**
   * An account's statement lines, newest first, by entry id (IDX_ledger_entries_account_id_id). For a
   * one-shard account (a wallet) `balanceAfterFen` is the account's balance after the entry.
   */
  async statement(accountId: AccountId, query: PageQuery): Promise<Page<StatementLine>> {
    const cursor = decodeCursor(query.cursor, isEntryCursor);
    const rows = await this.dataSource.query<EntryRow[]>(
      `SELECT e.id, e.transfer_id, e.amount_fen, e.balance_after_fen, e.created_at, t.kind, t.order_id
         FROM ledger_entries e JOIN ledger_transfers t ON t.id = e.transfer_id
        WHERE e.account_id = $1 AND ($2::bigint IS NULL OR e.id < $2::bigint)
        ORDER BY e.id DESC
        LIMIT $3`,
      [accountId, cursor?.id ?? null, query.limit + 1],
    );
    return toPage(
      rows,
      query.limit,
      (r) => ({
        transferId: r.transfer_id,
        at: r.created_at.toISOString(),
        amountFen: Number(r.amount_fen),
        balanceAfterFen: Number(r.balance_after_fen),
        kind: r.kind,
        orderId: r.order_id,
      }),
      (r) => ({ id: String(r.id) }),
    );
  }

  /** An account's balance: the sum of its shards, read in O(shards). */
  async balance(accountId: AccountId, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = await manager.query<{ total: string | null }[]>(
      'SELECT sum(balance_fen) AS total FROM ledger_balances WHERE account_id = $1',
      [accountId],
    );
    return Number(row?.total ?? 0);
  }

  async trialBalance(): Promise<TrialBalance> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const rows = await manager.query<{ account_id: string; total: string }[]>(
        'SELECT account_id, sum(balance_fen) AS total FROM ledger_balances GROUP BY account_id ORDER BY account_id',
      );
      const [{ count }] = await manager.query<{ count: string }[]>('SELECT count(*) AS count FROM ledger_transfers');
      const accounts = rows.map((r) => ({ account: r.account_id, balanceFen: Number(r.total) }));
      return {
        accounts,
        totalFen: accounts.reduce((sum, a) => sum + a.balanceFen, 0),
        transferCount: Number(count),
      };
    });
  }

  /**
   * Proves the ledger from its entries, in one snapshot: every balance row equals the sum of its
   * entries, and every transfer has exactly two entries that sum to zero. Returns what does not hold.
   */
  async reconcile(): Promise<ReconciliationFinding[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const balances = await manager.query<
        { account_id: string; shard: number; balance_fen: string; entries_fen: string }[]
      >(
        `SELECT b.account_id, b.shard, b.balance_fen, COALESCE(e.total, 0) AS entries_fen
           FROM ledger_balances b
           LEFT JOIN (SELECT account_id, shard, sum(amount_fen) AS total FROM ledger_entries GROUP BY account_id, shard) e
             ON e.account_id = b.account_id AND e.shard = b.shard
          WHERE b.balance_fen <> COALESCE(e.total, 0)`,
      );
      const transfers = await manager.query<{ id: string; total: string | null; n: number }[]>(
        `SELECT t.id, sum(e.amount_fen) AS total, count(e.id)::int AS n
           FROM ledger_transfers t LEFT JOIN ledger_entries e ON e.transfer_id = t.id
          GROUP BY t.id HAVING count(e.id) <> 2 OR COALESCE(sum(e.amount_fen), 0) <> 0`,
      );
      return [
        ...balances.map((b) => ({
          kind: 'balance_mismatch' as const,
          accountId: b.account_id,
          shard: Number(b.shard),
          balanceFen: Number(b.balance_fen),
          entriesFen: Number(b.entries_fen),
        })),
        ...transfers.map((t) => ({
          kind: 'unbalanced_transfer' as const,
          transferId: t.id,
          entriesFen: Number(t.total ?? 0),
          entryCount: t.n,
        })),
      ];
    });
  }
}
