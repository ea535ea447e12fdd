import { defineStateMachine } from '@hst/common';

/** Every dispute state of the contract. */
export const DISPUTE_STATUSES = ['open', 'resolved'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export type DisputeAction = 'resolve';

/** A dispute (争议) is opened by the buyer and resolved once, by an admin, with the refund it decides. */
export const DISPUTE_MACHINE = defineStateMachine<DisputeStatus, DisputeAction>('dispute', {
  resolve: { from: ['open'], to: 'resolved' },
});
