import { defineStateMachine } from '@hst/common';

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type ApplicationAction = 'approve' | 'reject' | 'withdraw';

/** pending → approved | rejected (product owner); pending → withdrawn (buyer). */
export const APPLICATION_MACHINE = defineStateMachine<ApplicationStatus, ApplicationAction>('license application', {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  withdraw: { from: ['pending'], to: 'withdrawn' },
});

export const APPLICATION_EVENT: Record<ApplicationAction, string> = {
  approve: 'license_application.approved',
  reject: 'license_application.rejected',
  withdraw: 'license_application.withdrawn',
};

/** What a license row stores; `expired` is never stored but derived from validUntil when read. */
export const STORED_LICENSE_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type StoredLicenseStatus = (typeof STORED_LICENSE_STATUSES)[number];
export const LICENSE_STATUSES = [...STORED_LICENSE_STATUSES, 'expired'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export type LicenseAction = 'suspend' | 'reinstate' | 'revoke';

/** active ⇄ suspended; active | suspended → revoked. An expired license accepts no transition (409). */
export const LICENSE_MACHINE = defineStateMachine<LicenseStatus, LicenseAction>('license', {
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
});

export const LICENSE_EVENT: Record<LicenseAction, string> = {
  suspend: 'license.suspended',
  reinstate: 'license.reinstated',
  revoke: 'license.revoked',
};

/** The status a reader sees: a revoked license stays revoked; any other past validUntil is expired. */
export function effectiveLicenseStatus(
  license: { status: StoredLicenseStatus; validUntil: Date },
  now: Date = new Date(),
): LicenseStatus {
  if (license.status !== 'revoked' && license.validUntil.getTime() <= now.getTime()) return 'expired';
  return license.status;
}
