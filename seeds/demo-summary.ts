import type { PricingDto } from '@hst/catalog';
import type { DemoSummary } from './demo';

const yuan = (fen: number) => `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} 元`;

const PER: Record<PricingDto['model'], string> = { one_time: '', subscription: ' / 30 天', per_call: ' / 次' };
const price = ({ model, priceFen }: PricingDto) => `${yuan(priceFen)}${PER[model]}`;

/** What `npm start` prints once the demo data is loaded: who can log in, and what there is to look at. */
export function formatSummary(summary: DemoSummary): string {
  return [
    `demo data loaded; every demo user's password is ${summary.password}`,
    '  subjects:',
    ...summary.subjects.map((s) => `    ${s.email.padEnd(26)} ${s.roles.join(',').padEnd(9)} ${s.name}`),
    '  listed products:',
    ...summary.products.map((p) => `    ${p.title}（${p.category}，${p.vendor}）${price(p.pricing)}`),
    '  trades:',
    ...summary.trades.map(
      (t) => `    ${t.orderNo ?? '(no order yet)'} ${t.product} ← ${t.buyer}, ${yuan(t.amountFen)}: ${t.state}`,
    ),
  ].join('\n');
}
