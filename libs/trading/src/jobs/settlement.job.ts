/** `settlement` jobs: 'settle' settles one order when due; 'sweep' settles every due order PostgreSQL knows of. */
export type SettlementJob = { orderId: string } | Record<string, never>;

/** One job per order and due time: a re-scheduled due time is a new job, a repeated one is dropped. */
export const settlementJobId = (orderId: string, dueAt: Date) => `settle-${orderId}-${dueAt.getTime()}`;
