/**
 * PostgreSQL cannot store U+0000 in text or jsonb, nor a lone UTF-16 surrogate in jsonb. Input holding
 * either is refused at the edge with a 400 naming where it is, instead of failing deep in a transaction.
 */
// eslint-disable-next-line no-control-regex -- finding U+0000 is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string (or object key) PostgreSQL could not store, or undefined. */
export function findUnstorableText(value: unknown, path = '$', depth = 0): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null || depth > 64) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnstorableText(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return `${path} (a key)`;
    const found = findUnstorableText(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}
