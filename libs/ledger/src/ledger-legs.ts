import { MAX_AMOUNT_FEN } from '@hst/common';
import type { AccountId, TransferKind } from './accounts';
import { LedgerErrorCode, LedgerException } from './exceptions/ledger.exception';
import { shardOf } from './shard';

export type TransferSpec = {
  debit: AccountId;
  credit: AccountId;
  amountFen: number;
  kind: TransferKind;
  orderId?: string;
  reference?: string;
  /** Picks the shard of sharded accounts; defaults to the order id, else the transfer id. */
  shardKey?: string;
};

export type Leg = { transferIndex: number; accountId: AccountId; shard: number; amountFen: number };
export type BalanceKey = `${string}#${number}`;

export const balanceKey = (accountId: string, shard: number): BalanceKey => `${accountId}#${shard}`;

/** The two legs of every transfer, in order. */
export function legsOf(specs: readonly TransferSpec[], transferIds: readonly string[]): Leg[] {
  return specs.flatMap((spec, transferIndex) => {
    if (!Number.isSafeInteger(spec.amountFen) || spec.amountFen <= 0 || spec.amountFen > MAX_AMOUNT_FEN) {
      throw new LedgerException(LedgerErrorCode.InvalidAmount, String(spec.amountFen));
    }
    const key = spec.shardKey ?? spec.orderId ?? transferIds[transferIndex];
    return [
      { transferIndex, accountId: spec.debit, shard: shardOf(spec.debit, key), amountFen: -spec.amountFen },
      { transferIndex, accountId: spec.credit, shard: shardOf(spec.credit, key), amountFen: spec.amountFen },
    ];
  });
}

/** Net change per balance row, in one global order (account, shard): locks taken in it cannot deadlock. */
export function netDeltas(legs: readonly Leg[]): { accountId: string; shard: number; deltaFen: number }[] {
  const net = new Map<BalanceKey, { accountId: string; shard: number; deltaFen: number }>();
  for (const leg of legs) {
    const key = balanceKey(leg.accountId, leg.shard);
    const row = net.get(key) ?? { accountId: leg.accountId, shard: leg.shard, deltaFen: 0 };
    row.deltaFen += leg.amountFen;
    net.set(key, row);
  }
  return [...net.values()].sort((a, b) =>
    a.accountId === b.accountId ? a.shard - b.shard : a.accountId < b.accountId ? -1 : 1,
  );
}

/** Each leg's balance after it, walking the legs in order from each row's balance before the batch. */
export function balancesAfter(legs: readonly Leg[], finalBalances: Map<BalanceKey, number>): number[] {
  const running = new Map<BalanceKey, number>();
  for (const { accountId, shard, deltaFen } of netDeltas(legs)) {
    const key = balanceKey(accountId, shard);
    running.set(key, finalBalances.get(key)! - deltaFen);
  }
  return legs.map((leg) => {
    const key = balanceKey(leg.accountId, leg.shard);
    const after = running.get(key)! + leg.amountFen;
    running.set(key, after);
    return after;
  });
}
