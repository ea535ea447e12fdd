import { shanghaiDate, shanghaiYear } from './business-date';

describe(shanghaiDate.name, () => {
  it('should give the Asia/Shanghai calendar date, eight hours ahead of UTC', () => {
    expect(shanghaiDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});
