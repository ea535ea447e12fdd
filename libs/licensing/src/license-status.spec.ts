import { IllegalTransitionError, nextState } from '@hst/common';
import { APPLICATION_MACHINE, effectiveLicenseStatus, LICENSE_MACHINE } from './license-status';

describe('license state machines', () => {
  it('should let only a pending application be approved, rejected or withdrawn', () => {
    expect(nextState(APPLICATION_MACHINE, 'pending', 'approve')).toBe('approved');
    expect(nextState(APPLICATION_MACHINE, 'pending', 'withdraw')).toBe('withdrawn');
    expect(() => nextState(APPLICATION_MACHINE, 'approved', 'reject')).toThrow(IllegalTransitionError);
    expect(() => nextState(APPLICATION_MACHINE, 'withdrawn', 'approve')).toThrow(IllegalTransitionError);
  });

  it('should suspend, reinstate and revoke licenses, but never move an expired or revoked one', () => {
    expect(nextState(LICENSE_MACHINE, 'active', 'suspend')).toBe('suspended');
    expect(nextState(LICENSE_MACHINE, 'suspended', 'reinstate')).toBe('active');
    expect(nextState(LICENSE_MACHINE, 'suspended', 'revoke')).toBe('revoked');
    expect(() => nextState(LICENSE_MACHINE, 'expired', 'suspend')).toThrow(IllegalTransitionError);
    expect(() => nextState(LICENSE_MACHINE, 'revoked', 'reinstate')).toThrow(IllegalTransitionError);
  });
});

describe(effectiveLicenseStatus.name, () => {
  const sut = effectiveLicenseStatus;
  const now = new Date('2026-06-01T00:00:00Z');

  it('should derive expired from validUntil, except for a revoked license', () => {
    const past = new Date('2026-05-31T23:59:59Z');
    const future = new Date('2026-06-02T00:00:00Z');
    expect(sut({ status: 'active', validUntil: future }, now)).toBe('active');
    expect(sut({ status: 'active', validUntil: past }, now)).toBe('expired');
    expect(sut({ status: 'suspended', validUntil: now }, now)).toBe('expired');
    expect(sut({ status: 'revoked', validUntil: past }, now)).toBe('revoked');
  });
});
