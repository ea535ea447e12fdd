import { IllegalTransitionError, nextState } from '@hst/common';
import { PRODUCT_MACHINE, PRODUCT_STATUSES, ProductAction, ProductStatus } from './product-status';

describe('PRODUCT_MACHINE', () => {
  const legal: [ProductStatus, ProductAction, ProductStatus][] = [
    ['draft', 'submit', 'pending_review'],
    ['rejected', 'submit', 'pending_review'],
    ['pending_review', 'approve', 'listed'],
    ['pending_review', 'reject', 'rejected'],
    ['listed', 'delist', 'delisted'],
    ['listed', 'suspend', 'suspended'],
    ['pending_review', 'suspend', 'suspended'],
    ['delisted', 'relist', 'pending_review'],
    ['suspended', 'relist', 'pending_review'],
  ];

  it.each(legal)('should take %s through %s to %s', (from, action, to) => {
    expect(nextState(PRODUCT_MACHINE, from, action)).toBe(to);
  });

  it('should refuse every other (state, action) pair with a 409', () => {
    const actions = Object.keys(PRODUCT_MACHINE.transitions) as ProductAction[];
    let refused = 0;
    for (const from of PRODUCT_STATUSES) {
      for (const action of actions) {
        if (legal.some(([f, a]) => f === from && a === action)) continue;
        expect(() => nextState(PRODUCT_MACHINE, from, action)).toThrow(IllegalTransitionError);
        refused += 1;
      }
    }
    expect(refused).toBe(PRODUCT_STATUSES.length * actions.length - legal.length);
  });
});
