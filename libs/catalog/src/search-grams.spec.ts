import { documentGrams, normalizeSearchText, queryGrams, searchTerms, termGrams } from './search-grams';

describe('search grams', () => {
  it('should normalise full-width characters and case', () => {
    expect(normalizeSearchText('ＧＰＳ轨迹 Data')).toBe('gps轨迹 data');
  });

  it('should split a query into distinct, normalised terms', () => {
    expect(searchTerms('  网联  汽车 网联 GPS ')).toEqual(['网联', '汽车', 'gps']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('should ask for the pairs of a term, or the character of a 1-character term', () => {
    expect(termGrams('网联')).toEqual(['网联']);
    expect(termGrams('智能网联')).toEqual(['智能', '能网', '网联']);
    expect(termGrams('车')).toEqual(['车']);
    expect(termGrams('aaa')).toEqual(['aa']);
    expect(queryGrams(['网联', 'gps'])).toEqual(['网联', 'gp', 'ps']);
  });

  it('should store every character and pair, never across whitespace', () => {
    const sut = documentGrams('智能网联 GPS');
    expect(sut).toEqual(expect.arrayContaining(['智', '智能', '能网', '网联', '联', 'g', 'gp', 'ps', 's']));
    expect(sut.some((g) => /\s/.test(g))).toBe(false);
  });

  it('should make every substring of a document find its grams in the document (the index never misses)', () => {
    const text = '智能网联汽车轨迹数据 GPS Trajectories, 武汉 2024';
    const stored = new Set(documentGrams(text));
    const normalized = normalizeSearchText(text);
    for (let i = 0; i < normalized.length; i += 1) {
      for (let j = i + 1; j <= normalized.length; j += 1) {
        for (const term of searchTerms(normalized.slice(i, j))) {
          expect(queryGrams([term]).every((g) => stored.has(g))).toBe(true);
        }
      }
    }
  });
});
