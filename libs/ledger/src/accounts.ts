/**
 * System accounts of the exchange. `bank` is the world outside: deposits come from it, withdrawals go to
 * it. `withdrawal_hold` holds a withdrawal between its request and its payout (or its release on failure).
 */
export const SYSTEM_ACCOUNTS = ['escrow', 'platform_fee', 'public_data_authority', 'bank', 'withdrawal_hold'] as const;
export type SystemAccount = (typeof SYSTEM_ACCOUNTS)[number];

export type AccountId = SystemAccount | `wallet:${string}`;

export const walletOf = (subjectId: string): AccountId => `wallet:${subjectId}`;

/**
 * How many balance rows (shards) each account keeps. Hot accounts are sharded so that concurrent
 * settlements do not queue on one row lock; a balance is the sum of its shards. See
 * docs/decisions/003-ledger-hot-accounts.md.
 */
export const SHARDS: Record<SystemAccount, number> & { wallet: number } = {
  escrow: 16,
  platform_fee: 16,
  public_data_authority: 16,
  bank: 16,
  withdrawal_hold: 16,
  wallet: 1,
};

export function shardCount(account: AccountId): number {
  return account.startsWith('wallet:') ? SHARDS.wallet : SHARDS[account as SystemAccount];
}

export const TRANSFER_KINDS = [
  'deposit',
  'withdrawal',
  'withdrawal_release',
  'payment',
  'settlement',
  'platform_fee',
  'authority_share',
  'refund',
] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];
