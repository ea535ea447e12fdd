/** Every BullMQ queue of the exchange. Names are kebab-case and never renamed once released. */
export enum QueueName {
  /** Moves committed outbox rows into `domain-events` (a scheduled job). */
  OutboxRelay = 'outbox-relay',
  /** Domain events relayed from the outbox, dispatched to idempotent consumers. */
  DomainEvents = 'domain-events',
  /** Assigns seq/prevHash/hash to committed audit events (a scheduled job). */
  AuditSequencer = 'audit-sequencer',
  /** Ends a registration's public notice (公示) at noticeEndsAt: one delayed job per registration. */
  RegistrationNotice = 'registration-notice',
  /** Cancels an order still unpaid at its payment deadline: one delayed job per order. */
  OrderPaymentTimeout = 'order-payment-timeout',
  /** Settles delivered orders (end of the dispute window, confirm, dispute resolution). */
  Settlement = 'settlement',
  /** Pays held withdrawals out to the bank, or releases them on failure. */
  Payouts = 'payouts',
  /** Proves the ledger from its entries, raising `ledger_mismatch` alerts (a scheduled job). */
  LedgerReconciliation = 'ledger-reconciliation',
}
