import { DomainError, ErrorKind } from '@hst/common';
import { datasetDigest, recordsFromCsv, recordsFromJson } from './dataset';

describe(datasetDigest.name, () => {
  it('should hash the RFC 8785 serialisation of the records (keys sorted, no whitespace)', () => {
    // printf '[{"a":"x","b":1}]' | sha256sum
    expect(datasetDigest([{ b: 1, a: 'x' }])).toBe('5db75c3ddd6b56a95a0bd2ea2de48edfa99de53ea5a721091d77f901578eb973');
  });

  it('should give a CSV upload the digest of its rows as objects of strings keyed by the header', () => {
    const sut = recordsFromCsv('id,城市\n1,武汉\n2,北京\n');
    expect(sut).toEqual([
      { id: '1', 城市: '武汉' },
      { id: '2', 城市: '北京' },
    ]);
    // printf '[{"id":"1","城市":"武汉"},{"id":"2","城市":"北京"}]' | sha256sum
    expect(datasetDigest(sut)).toBe('4afc6361fe9451d4c0f25d8a081b784ce7a824997e24fb2788656db115d5266b');
  });

  it('should depend on record order and values', () => {
    expect(datasetDigest([{ a: 1 }, { a: 2 }])).not.toBe(datasetDigest([{ a: 2 }, { a: 1 }]));
    expect(datasetDigest([{ a: '1' }])).not.toBe(datasetDigest([{ a: 1 }]));
  });
});

describe(recordsFromCsv.name, () => {
  const invalid = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).kind).toBe(ErrorKind.Invalid);
      return (error as DomainError).message;
    }
    throw new Error('expected a 400');
  };

  it('should handle a BOM, quoted fields with commas and newlines, CRLF and blank lines', () => {
    const sut = recordsFromCsv('\uFEFFname,note\r\n"Wu, Han","two\nlines"\r\n\r\nb,c\r\n');
    expect(sut).toEqual([
      { name: 'Wu, Han', note: 'two\nlines' },
      { name: 'b', note: 'c' },
    ]);
  });

  it('should keep a "__proto__" header as an ordinary key', () => {
    const [record] = recordsFromCsv('__proto__,x\npolluted,1\n');
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(['__proto__', 'x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('should refuse empty input, a header without rows, repeated or empty header names and ragged rows', () => {
    expect(invalid(() => recordsFromCsv(''))).toMatch(/no header/);
    expect(invalid(() => recordsFromCsv('a,b\n'))).toMatch(/no data rows/);
    expect(invalid(() => recordsFromCsv('a,a\n1,2\n'))).toMatch(/repeats/);
    expect(invalid(() => recordsFromCsv('a,\n1,2\n'))).toMatch(/empty/);
    expect(invalid(() => recordsFromCsv('a,b\n1\n'))).toMatch(/fields|malformed/);
    expect(invalid(() => recordsFromCsv('a,b\n"1,2\n'))).toMatch(/malformed/);
  });
});

describe(recordsFromJson.name, () => {
  it('should accept { records: object[] } and return the records as sent', () => {
    const records = [{ a: 1, nested: { b: [1, 2] } }, { a: 2 }];
    expect(recordsFromJson({ records })).toBe(records);
  });

  it.each([
    ['a non-object body', [1, 2]],
    ['a missing records field', {}],
    ['records that is not an array', { records: { a: 1 } }],
    ['an empty records array', { records: [] }],
    ['a record that is not an object', { records: [{ a: 1 }, 'x'] }],
    ['a record that is an array', { records: [[1]] }],
    ['a null record', { records: [null] }],
    ['an unknown field', { records: [{ a: 1 }], extra: true }],
  ])('should refuse %s with a 400', (_label, body) => {
    expect(() => recordsFromJson(body)).toThrow(DomainError);
  });
});
