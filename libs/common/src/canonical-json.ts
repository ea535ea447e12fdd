import canonicalize from 'canonicalize';

/** RFC 8785 (JCS) serialisation: the one canonical form hashed and signed anywhere in the exchange. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no canonical JSON form');
  return text;
}
