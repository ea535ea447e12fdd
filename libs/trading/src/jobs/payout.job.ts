/** `payouts` jobs: 'pay-out' pays one held withdrawal out (or releases it); 'sweep' every held one PostgreSQL knows of. */
export type PayoutJob = { withdrawalId: string } | Record<string, never>;

/** One job per withdrawal: a duplicate is dropped by BullMQ, and the row lock and status decide anyway. */
export const payoutJobId = (withdrawalId: string) => `payout-${withdrawalId}`;
