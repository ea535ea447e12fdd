import { auditHash, GENESIS_HASH } from './audit-hash';

describe(auditHash.name, () => {
  const event = {
    seq: 1,
    id: '9b2f4c9e-8a55-4c41-9a3b-2f1c0d6e7a10',
    occurredAt: '2026-11-29T00:00:00.000Z',
    actor: { subjectId: 'a' },
    action: 'subject.approved',
    entityType: 'subject',
    entityId: 'x',
    data: { b: 1, a: '武汉' },
    prevHash: GENESIS_HASH,
  };

  it('should not depend on key order', () => {
    const reordered = { ...event, data: { a: '武汉', b: 1 } };
    expect(auditHash(reordered)).toBe(auditHash(event));
  });

  it('should change when any field or the previous hash changes', () => {
    const sut = auditHash(event);
    expect(sut).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash({ ...event, seq: 2 })).not.toBe(sut);
    expect(auditHash({ ...event, data: { b: 2, a: '武汉' } })).not.toBe(sut);
    expect(auditHash({ ...event, prevHash: 'f'.repeat(64) })).not.toBe(sut);
  });
});
