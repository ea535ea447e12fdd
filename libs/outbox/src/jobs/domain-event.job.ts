/** A `domain-events` job carries the outbox row's id only; the row is the truth. */
export type DomainEventJob = { eventId: string };

export const domainEventJobId = (eventId: string) => `event-${eventId}`;
