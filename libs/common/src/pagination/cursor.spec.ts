import { decodeCursor, encodeCursor, isCursorTime, isTimeIdCursor } from './cursor';

describe(isTimeIdCursor.name, () => {
  const id = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

  it('should accept what toISOString, PostgreSQL JSON and a UUID produce', () => {
    expect(isTimeIdCursor({ t: new Date().toISOString(), id })).toBe(true);
    expect(isCursorTime('2026-11-29T18:30:00.123456+00:00')).toBe(true);
    expect(isCursorTime('2026-11-29T18:30:00-15:59')).toBe(true);
    expect(isCursorTime('0052-02-29T00:00:00Z')).toBe(true);
  });

  it('should refuse forged times and ids that PostgreSQL would choke on', () => {
    expect(isCursorTime('2026-02-30T00:00:00.000Z')).toBe(false);
    expect(isCursorTime('1')).toBe(false);
    expect(isCursorTime('2026-01-01T24:00:00Z')).toBe(false);
    expect(isCursorTime('2026-01-01')).toBe(false);
    expect(isCursorTime('2026-01-01T00:00:00+99:00')).toBe(false);
    expect(isCursorTime('2026-01-01T00:00:00-16:00')).toBe(false);
    expect(isCursorTime('2026-01-01T00:00:00+05:60')).toBe(false);
    expect(isCursorTime('0000-01-01T00:00:00Z')).toBe(false);
    expect(isCursorTime('0050-02-29T00:00:00Z')).toBe(false);
    expect(isTimeIdCursor({ t: new Date().toISOString(), id: 'x' })).toBe(false);
  });

  it('should turn a forged cursor into a 400-kind error', () => {
    const forged = encodeCursor({ t: '2026-02-30', id });
    expect(() => decodeCursor(forged, isTimeIdCursor)).toThrow('cursor is not a cursor this list produced');
  });
});
