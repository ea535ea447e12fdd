import type { SubjectResponse } from './dto/subject.response';
import type { SubjectEntity } from './entities/subject.entity';

export function toSubjectResponse(s: SubjectEntity): SubjectResponse {
  return {
    id: s.id,
    name: s.name,
    uscc: s.uscc,
    kind: s.kind,
    roles: s.roles,
    status: s.status,
    district: s.district,
    legalRepresentative: s.legalRepresentative,
    payoutAccount: s.payoutAccount,
    statusReason: s.statusReason,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
