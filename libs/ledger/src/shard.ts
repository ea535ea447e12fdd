import { createHash } from 'node:crypto';
import { AccountId, shardCount } from './accounts';

/**
 * The shard of `account` that `key` (usually an order id) uses. The same key always lands on the same
 * shard, so an order's escrow hold is released from the shard it was placed in and no shard goes negative.
 */
export function shardOf(account: AccountId, key: string): number {
  const shards = shardCount(account);
  if (shards === 1) return 0;
  return createHash('sha256').update(key).digest().readUInt32BE(0) % shards;
}
