/**
 * Substring search over CJK and Latin text with an ordinary GIN index (docs/decisions/002-chinese-search.md).
 * A product's `search_text` is the normalised title, summary and tags; its `search_grams` are the distinct
 * characters and character pairs of that text (kept by a trigger, `catalog_search_grams`). A query term
 * matches when the row holds all of the term's grams (index) and the text contains the term (recheck).
 */

/** The one normalisation of searchable text: NFKC (full-width → ASCII) then lower case. */
export const normalizeSearchText = (text: string): string => text.normalize('NFKC').toLowerCase();

/** At most this many terms per query; each at most 64 characters. */
export const MAX_SEARCH_TERMS = 8;

/** The terms of a query: whitespace-separated, normalised, distinct; all must match. */
export function searchTerms(q: string): string[] {
  const terms = normalizeSearchText(q)
    .split(/\s+/u)
    .filter((t) => t.length > 0);
  return [...new Set(terms)].slice(0, MAX_SEARCH_TERMS);
}

/** The grams a row must contain for a term to occur in it: its character pairs, or the character itself. */
export function termGrams(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}

/** The grams of all terms: the argument of `search_grams @> $grams`. */
export const queryGrams = (terms: readonly string[]): string[] => [...new Set(terms.flatMap(termGrams))];

/**
 * The grams stored for a text (what the trigger computes in SQL; kept here to document and test it):
 * every character and every pair of adjacent characters, none containing whitespace.
 */
export function documentGrams(text: string): string[] {
  const chars = Array.from(normalizeSearchText(text));
  const grams = new Set<string>();
  chars.forEach((c, i) => {
    if (!/\s/u.test(c)) grams.add(c);
    const next = chars[i + 1];
    if (next !== undefined && !/\s/u.test(c) && !/\s/u.test(next)) grams.add(c + next);
  });
  return [...grams];
}
