import { defineStateMachine } from '@hst/common';

/** Every withdrawal state: held at once, then paid out to the bank or, when the payout fails, released. */
export const WITHDRAWAL_STATUSES = ['held', 'paid', 'failed'] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];

export type WithdrawalAction = 'pay' | 'fail';

export const WITHDRAWAL_MACHINE = defineStateMachine<WithdrawalStatus, WithdrawalAction>('withdrawal', {
  pay: { from: ['held'], to: 'paid' },
  fail: { from: ['held'], to: 'failed' },
});
