import { defineStateMachine } from '@hst/common';

export const SUBJECT_STATUSES = ['pending', 'active', 'rejected', 'suspended'] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

export const SUBJECT_KINDS = ['enterprise', 'institution', 'government', 'individual_business'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Roles a subject may give itself at registration; regulator and admin are granted by the platform. */
export const SELF_SERVICE_ROLES = ['vendor', 'buyer', 'operator'] as const;

export type SubjectAction = 'approve' | 'reject' | 'suspend' | 'reinstate';

export const SUBJECT_MACHINE = defineStateMachine<SubjectStatus, SubjectAction>('subject', {
  approve: { from: ['pending'], to: 'active' },
  reject: { from: ['pending'], to: 'rejected' },
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
});

/** The audit action and domain event type of each transition. */
export const SUBJECT_EVENT: Record<SubjectAction, string> = {
  approve: 'subject.approved',
  reject: 'subject.rejected',
  suspend: 'subject.suspended',
  reinstate: 'subject.reinstated',
};
