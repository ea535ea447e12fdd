import type { ObjectionResponse, PublicNoticeResponse, RegistrationResponse } from './dto/registry.responses';
import type { ObjectionEntity } from './entities/objection.entity';
import type { RegistrationEntity } from './entities/registration.entity';

export function toObjectionResponse(o: ObjectionEntity): ObjectionResponse {
  return {
    id: o.id,
    objectorId: o.objectorId,
    reason: o.reason,
    status: o.status,
    note: o.note,
    createdAt: o.createdAt.toISOString(),
    resolvedAt: o.resolvedAt?.toISOString() ?? null,
  };
}

export function toRegistrationResponse(r: RegistrationEntity, objections: ObjectionEntity[]): RegistrationResponse {
  return {
    id: r.id,
    applicantId: r.applicantId,
    assetName: r.assetName,
    description: r.description,
    category: r.category,
    sourceType: r.sourceType,
    acquisition: r.acquisition,
    sourceStatement: r.sourceStatement,
    rightsClaimed: r.rightsClaimed,
    contentDigest: r.contentDigest,
    recordCount: Number(r.recordCount),
    fieldSchema: r.fieldSchema,
    sensitivity: r.sensitivity,
    status: r.status,
    noticeEndsAt: r.noticeEndsAt?.toISOString() ?? null,
    objections: objections.map(toObjectionResponse),
    certNo: r.certNo,
    rejectReason: r.rejectReason,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toPublicNotice(
  r: Pick<RegistrationEntity, 'id' | 'assetName' | 'category' | 'rightsClaimed' | 'contentDigest' | 'noticeEndsAt'>,
  applicant: { id: string; name: string; uscc: string },
): PublicNoticeResponse {
  return {
    id: r.id,
    assetName: r.assetName,
    applicant,
    category: r.category,
    rightsClaimed: r.rightsClaimed,
    contentDigest: r.contentDigest,
    noticeEndsAt: r.noticeEndsAt?.toISOString() ?? null,
  };
}
