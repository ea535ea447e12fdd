import { IllegalTransitionError, nextState } from '@hst/common';
import { DISPUTE_MACHINE } from './dispute-status';
import { ORDER_MACHINE } from './order-status';
import { WITHDRAWAL_MACHINE } from './withdrawal-status';

describe('WITHDRAWAL_MACHINE', () => {
  it('should pay or fail a held withdrawal, and nothing else', () => {
    expect(nextState(WITHDRAWAL_MACHINE, 'held', 'pay')).toBe('paid');
    expect(nextState(WITHDRAWAL_MACHINE, 'held', 'fail')).toBe('failed');
    for (const from of ['paid', 'failed'] as const) {
      expect(() => nextState(WITHDRAWAL_MACHINE, from, 'pay')).toThrow(IllegalTransitionError);
      expect(() => nextState(WITHDRAWAL_MACHINE, from, 'fail')).toThrow(IllegalTransitionError);
    }
  });
});

describe('DISPUTE_MACHINE', () => {
  it('should resolve an open dispute once', () => {
    expect(nextState(DISPUTE_MACHINE, 'open', 'resolve')).toBe('resolved');
    expect(() => nextState(DISPUTE_MACHINE, 'resolved', 'resolve')).toThrow(IllegalTransitionError);
  });

  it('should let only a disputed order be resolved, leaving it disputed for the worker to settle', () => {
    expect(nextState(ORDER_MACHINE, 'disputed', 'resolveDispute')).toBe('disputed');
    expect(() => nextState(ORDER_MACHINE, 'delivered', 'resolveDispute')).toThrow(IllegalTransitionError);
  });
});
