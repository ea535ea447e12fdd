import { findUnstorableText } from './unstorable-text';

describe(findUnstorableText.name, () => {
  it('should find NUL characters and lone surrogates, with their path', () => {
    expect(findUnstorableText({ a: ['ok', 'x\u0000y'] })).toBe('$.a[1]');
    expect(findUnstorableText({ assetName: 'x\ud800' })).toBe('$.assetName');
    expect(findUnstorableText({ s: '\udc00' })).toBe('$.s');
    expect(findUnstorableText({ ['k\u0000']: 1 })).toBe('$ (a key)');
  });

  it('should accept ordinary text, paired surrogates (emoji) and non-strings', () => {
    expect(findUnstorableText({ name: '武汉光谷 😀', n: 1, nested: [{ ok: true }], nothing: null })).toBeUndefined();
  });
});
