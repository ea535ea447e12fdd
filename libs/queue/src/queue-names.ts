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
}
