import { defineStateMachine } from '@hst/common';
import type { CertificateStatus } from './certificate-lookup';

export const REGISTRATION_STATUSES = ['submitted', 'in_notice', 'objected', 'registered', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const ACQUISITIONS = ['self_collected', 'self_produced', 'purchased', 'authorized'] as const;
export type Acquisition = (typeof ACQUISITIONS)[number];

export const SENSITIVITIES = ['general', 'important', 'core'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export type RegistrationAction =
  'startNotice' | 'reject' | 'object' | 'dismissObjection' | 'upholdObjection' | 'register' | 'lapse';

/** submitted → in_notice → registered; submitted → rejected; in_notice ⇄ objected → rejected; in_notice → rejected (lapse). */
export const REGISTRATION_MACHINE = defineStateMachine<RegistrationStatus, RegistrationAction>('registration', {
  startNotice: { from: ['submitted'], to: 'in_notice' },
  reject: { from: ['submitted'], to: 'rejected' },
  object: { from: ['in_notice'], to: 'objected' },
  dismissObjection: { from: ['objected'], to: 'in_notice' },
  upholdObjection: { from: ['objected'], to: 'rejected' },
  register: { from: ['in_notice'], to: 'registered' },
  /** The notice ended but the registration no longer qualifies (its public-data authorization is gone). */
  lapse: { from: ['in_notice'], to: 'rejected' },
});

export const REGISTRATION_EVENT: Record<RegistrationAction, string> = {
  startNotice: 'registration.notice_started',
  reject: 'registration.rejected',
  object: 'registration.objected',
  dismissObjection: 'registration.objection_dismissed',
  upholdObjection: 'registration.objection_upheld',
  register: 'registration.registered',
  lapse: 'registration.lapsed',
};

/** Statuses in which a registration is a public notice (公示) that any active subject may read. */
export const PUBLIC_NOTICE_STATUSES: readonly RegistrationStatus[] = ['in_notice', 'objected'];

export type CertificateAction = 'revoke' | 'transfer';

/** 'expired' is derived from validUntil; an expired certificate can no longer be revoked or transferred. */
export const CERTIFICATE_MACHINE = defineStateMachine<CertificateStatus, CertificateAction>('certificate', {
  revoke: { from: ['valid'], to: 'revoked' },
  transfer: { from: ['valid'], to: 'transferred' },
});

export type AuthorizationAction = 'revoke';

export const AUTHORIZATION_MACHINE = defineStateMachine<'active' | 'revoked', AuthorizationAction>(
  'public-data authorization',
  { revoke: { from: ['active'], to: 'revoked' } },
);
