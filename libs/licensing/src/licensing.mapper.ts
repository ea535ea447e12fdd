import type { LicenseApplicationResponse, LicenseResponse } from './dto/licensing.responses';
import type { LicenseApplicationEntity } from './entities/license-application.entity';
import type { LicenseEntity } from './entities/license.entity';
import { effectiveLicenseStatus } from './license-status';

export function toApplicationResponse(a: LicenseApplicationEntity): LicenseApplicationResponse {
  return {
    id: a.id,
    productId: a.productId,
    buyerId: a.buyerId,
    vendorId: a.vendorId,
    purpose: a.purpose,
    purposeDetail: a.purposeDetail,
    termDays: a.termDays,
    calls: a.calls,
    amountFen: a.amountFen,
    status: a.status,
    orderId: a.orderId,
    rejectReason: a.rejectReason,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toLicenseResponse(l: LicenseEntity, now: Date = new Date()): LicenseResponse {
  return {
    id: l.id,
    productId: l.productId,
    buyerId: l.buyerId,
    vendorId: l.vendorId,
    orderId: l.orderId,
    purpose: l.purpose,
    validFrom: l.validFrom.toISOString(),
    validUntil: l.validUntil.toISOString(),
    callQuota: l.callQuota,
    callsUsed: l.callsUsed,
    status: effectiveLicenseStatus(l, now),
    policy: l.policy,
  };
}
