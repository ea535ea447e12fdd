/**
 * Arbitrary constant: the advisory lock that makes the relay single-file across worker processes, and
 * that a consumer's registration takes too, so no relay batch decides on stale subscriptions.
 */
export const RELAY_LOCK_KEY = 7_310_002;
