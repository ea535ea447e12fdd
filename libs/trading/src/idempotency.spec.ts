import { requestFingerprint } from './idempotency';

describe(requestFingerprint.name, () => {
  const sut = requestFingerprint;

  it('should not depend on key order or the query string', () => {
    expect(sut({ method: 'post', path: '/a?x=1', body: { b: 1, a: 2 } })).toBe(
      sut({ method: 'POST', path: '/a', body: { a: 2, b: 1 } }),
    );
  });

  it('should differ for another path, method or body', () => {
    const base = sut({ method: 'POST', path: '/orders/1/pay', body: {} });
    expect(sut({ method: 'POST', path: '/orders/2/pay', body: {} })).not.toBe(base);
    expect(sut({ method: 'PUT', path: '/orders/1/pay', body: {} })).not.toBe(base);
    expect(sut({ method: 'POST', path: '/orders/1/pay', body: { x: 1 } })).not.toBe(base);
  });
});
