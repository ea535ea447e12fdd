import { MetricsService } from './metrics.service';

describe(MetricsService.name, () => {
  it('should scrape the other metrics when one gauge cannot be read, that one unknown (NaN)', async () => {
    const metrics = new MetricsService();
    metrics.gauge('hst_test_readable', 'readable', [], (g) => Promise.resolve(g.set(7)));
    metrics.gauge('hst_test_unreadable', 'unreadable', [], () => Promise.reject(new Error('database down')));
    const text = await metrics.scrape();
    expect(text).toMatch(/^hst_test_readable 7$/m);
    expect(text).toMatch(/^hst_test_unreadable nan$/im); // prom-client writes "Nan", which Prometheus reads as NaN
    expect(text).toContain('hst_http_request_duration_seconds');
  });
});
