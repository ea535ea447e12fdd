import { LedgerService } from '@hst/ledger';
import { PayoutGateway, WithdrawalsService } from '@hst/trading';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startApi, startWorker, TestApi } from './support/app';
import { adminToken, registerSubject, TestSubject } from './support/factories';
import { deposit } from './support/trading-factories';
import { sleep, until } from './support/wait';

const bearer = { type: 'bearer' } as const;

type Transfer = { debitAccount: string; creditAccount: string; amountFen: number; kind: string; reference: string };

/** Withdrawals: held at once, paid out by the real worker or released on failure, exactly once, to the fen. */
describe('Wallet: withdrawals (e2e)', () => {
  let api: TestApi;
  let worker: NestFastifyApplication;
  let db: DataSource;
  let admin: string;
  let gateway: PayoutGateway;

  beforeAll(async () => {
    const env = { TIMER_SWEEP_INTERVAL_MS: '3600000' };
    api = await startApi(env);
    worker = await startWorker(env);
    db = api.app.get(DataSource);
    admin = await adminToken(api);
    gateway = worker.get(PayoutGateway, { strict: false });
  }, 60_000);
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await worker.close();
    await api.app.close();
  });

  async function fundedSubject(amountFen: number): Promise<TestSubject> {
    const subject = await registerSubject(api, { roles: ['buyer'], approveWith: admin });
    await deposit(api, admin, subject.subjectId, amountFen);
    return subject;
  }

  const withdraw = (subject: TestSubject, body: Record<string, unknown>, key: string | null = randomUUID()) => {
    const req = api.http().post('/api/v1/wallet/withdrawals').auth(subject.token, bearer);
    return (key === null ? req : req.set('Idempotency-Key', key)).send(body);
  };

  const wallet = async (subject: TestSubject) =>
    (await api.http().get('/api/v1/wallet').auth(subject.token, bearer).expect(200)).body as {
      balanceFen: number;
      pendingWithdrawalFen: number;
    };

  const statusOf = async (id: string) =>
    (await db.query<{ status: string }[]>('SELECT status FROM withdrawals WHERE id = $1', [id]))[0]?.status;

  /** The ledger transfers of a withdrawal (all keyed `withdrawal:<id>`), as [kind, debit, credit, amount]. */
  async function transfersOf(subject: TestSubject, id: string) {
    const res = await api
      .http()
      .get(`/api/v1/ledger/transfers?account=withdrawal_hold&limit=100`)
      .auth(admin, bearer)
      .expect(200);
    return (res.body.items as Transfer[])
      .filter((t) => t.reference === `withdrawal:${id}`)
      .map((t) => [t.kind, t.debitAccount, t.creditAccount, t.amountFen])
      .sort();
  }

  it('should hold at once, show it pending, then pay it out to the bank, to the fen', async () => {
    const subject = await fundedSubject(100_000);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const payOut = jest.spyOn(gateway, 'payOut').mockImplementation(async (request) => {
      await gate; // the bank takes its time: the withdrawal stays held meanwhile
      return { ok: true, reference: `BANK-${request.withdrawalId}` };
    });
    const res = await withdraw(subject, { amountFen: 30_000 }).expect(202);
    expect(res.body).toMatchObject({ id: expect.any(String), amountFen: 30_000, status: 'held', completedAt: null });
    const id = res.body.id as string;
    expect(await wallet(subject)).toEqual({ balanceFen: 70_000, pendingWithdrawalFen: 30_000 });
    const listed = await api.http().get('/api/v1/wallet/withdrawals').auth(subject.token, bearer).expect(200);
    expect(listed.body).toEqual({ items: [res.body], nextCursor: null });
    await until(() => Promise.resolve(payOut.mock.calls.length > 0));
    open();
    await until(async () => (await statusOf(id)) === 'paid');
    expect(await wallet(subject)).toEqual({ balanceFen: 70_000, pendingWithdrawalFen: 0 });
    expect(await transfersOf(subject, id)).toEqual(
      [
        ['withdrawal', `wallet:${subject.subjectId}`, 'withdrawal_hold', 30_000],
        ['withdrawal', 'withdrawal_hold', 'bank', 30_000],
      ].sort(),
    );
    const paid = await api.http().get('/api/v1/wallet/withdrawals').auth(subject.token, bearer).expect(200);
    expect(paid.body.items).toEqual([{ ...res.body, status: 'paid', completedAt: expect.any(String) }]);
    const entries = await api.http().get('/api/v1/wallet/entries').auth(subject.token, bearer).expect(200);
    expect(entries.body.items[0]).toMatchObject({ kind: 'withdrawal', amountFen: -30_000, balanceAfterFen: 70_000 });
  });

  it('should release the hold back to the wallet when the bank refuses', async () => {
    const subject = await fundedSubject(50_000);
    jest.spyOn(gateway, 'payOut').mockResolvedValue({ ok: false, reason: '收款账户已注销' });
    const res = await withdraw(subject, { amountFen: 20_000 }).expect(202);
    const id = res.body.id as string;
    await until(async () => (await statusOf(id)) === 'failed');
    expect(await wallet(subject)).toEqual({ balanceFen: 50_000, pendingWithdrawalFen: 0 });
    expect(await transfersOf(subject, id)).toEqual(
      [
        ['withdrawal', `wallet:${subject.subjectId}`, 'withdrawal_hold', 20_000],
        ['withdrawal_release', 'withdrawal_hold', `wallet:${subject.subjectId}`, 20_000],
      ].sort(),
    );
    const entries = await api.http().get('/api/v1/wallet/entries').auth(subject.token, bearer).expect(200);
    expect(
      (entries.body.items as { kind: string; amountFen: number; balanceAfterFen: number }[])
        .slice(0, 2)
        .map((e) => [e.kind, e.amountFen, e.balanceAfterFen]),
    ).toEqual([
      ['withdrawal', 20_000, 50_000],
      ['withdrawal', -20_000, 30_000],
    ]);
  });

  it('should replay a retried request and move nothing twice; another body under the key is 409', async () => {
    const subject = await fundedSubject(10_000);
    const key = randomUUID();
    const first = await withdraw(subject, { amountFen: 4_000 }, key).expect(202);
    const again = await withdraw(subject, { amountFen: 4_000 }, key).expect(202);
    expect(again.body).toEqual(first.body);
    await withdraw(subject, { amountFen: 4_001 }, key).expect(409);
    await until(async () => (await statusOf(first.body.id as string)) === 'paid');
    expect(await wallet(subject)).toEqual({ balanceFen: 6_000, pendingWithdrawalFen: 0 });
    const listed = await api.http().get('/api/v1/wallet/withdrawals').auth(subject.token, bearer).expect(200);
    expect(listed.body.items).toHaveLength(1);
    // Concurrent duplicates: one withdrawal.
    const dupKey = randomUUID();
    const answers = await Promise.all([1, 2, 3].map(() => withdraw(subject, { amountFen: 1_000 }, dupKey)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.body.id as string)).size).toBe(1);
    await until(async () => (await wallet(subject)).pendingWithdrawalFen === 0);
    expect(await wallet(subject)).toEqual({ balanceFen: 5_000, pendingWithdrawalFen: 0 });
  });

  it('should refuse more than the balance (409, replayed), bad amounts, a missing key, a pending subject', async () => {
    const subject = await fundedSubject(5_000);
    const key = randomUUID();
    await withdraw(subject, { amountFen: 5_001 }, key).expect(409);
    await withdraw(subject, { amountFen: 5_001 }, key).expect(409);
    await withdraw(subject, { amountFen: 10_000_000_000_001 }).expect(422);
    for (const body of [{}, { amountFen: 0 }, { amountFen: -1 }, { amountFen: 1.5 }, { amountFen: '100' }]) {
      await withdraw(subject, body).expect(400);
    }
    await withdraw(subject, { amountFen: 100, extra: true }).expect(400);
    await withdraw(subject, { amountFen: 100 }, null).expect(400);
    await api.http().post('/api/v1/wallet/withdrawals').send({ amountFen: 100 }).expect(401);
    const pending = await registerSubject(api, { roles: ['buyer'] });
    await withdraw(pending, { amountFen: 100 }).expect(403);
    expect(await wallet(subject)).toEqual({ balanceFen: 5_000, pendingWithdrawalFen: 0 });
    const none = await api.http().get('/api/v1/wallet/withdrawals').auth(subject.token, bearer).expect(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });
  });

  it('should pay out exactly once however often it runs, and sweep what the queue could not pay', async () => {
    const subject = await fundedSubject(9_000);
    // The worker's bank is down: its jobs fail and retry, the withdrawal stays held.
    jest.spyOn(gateway, 'payOut').mockRejectedValue(new Error('bank unavailable'));
    const res = await withdraw(subject, { amountFen: 3_000 }).expect(202);
    const id = res.body.id as string;
    await sleep(500);
    expect(await statusOf(id)).toBe('held');
    const withdrawals = api.app.get(WithdrawalsService);
    expect(await withdrawals.payOutDue()).toBe(0); // held for less than a minute: the queue's
    await db.query(`UPDATE withdrawals SET created_at = now() - interval '2 minutes' WHERE id = $1`, [id]);
    const [swept, ...others] = await Promise.all([
      withdrawals.payOutDue(),
      withdrawals.payOut(id),
      withdrawals.payOut(id),
    ]);
    expect([swept, ...others].filter((o) => o === 1 || o === 'paid')).toHaveLength(1);
    expect(await statusOf(id)).toBe('paid');
    expect(await withdrawals.payOut(id)).toBe('not_held');
    expect(await transfersOf(subject, id)).toEqual(
      [
        ['withdrawal', `wallet:${subject.subjectId}`, 'withdrawal_hold', 3_000],
        ['withdrawal', 'withdrawal_hold', 'bank', 3_000],
      ].sort(),
    );
    expect(await wallet(subject)).toEqual({ balanceFen: 6_000, pendingWithdrawalFen: 0 });
  });

  it('should page withdrawals with a cursor, newest first, only your own', async () => {
    const subject = await fundedSubject(10_000);
    const ids: string[] = [];
    for (const amountFen of [100, 200, 300]) ids.push((await withdraw(subject, { amountFen }).expect(202)).body.id);
    const first = await api.http().get('/api/v1/wallet/withdrawals?limit=2').auth(subject.token, bearer).expect(200);
    const second = await api
      .http()
      .get(`/api/v1/wallet/withdrawals?limit=2&cursor=${encodeURIComponent(first.body.nextCursor as string)}`)
      .auth(subject.token, bearer)
      .expect(200);
    expect([...first.body.items, ...second.body.items].map((w: { id: string }) => w.id)).toEqual(ids.reverse());
    expect(second.body.nextCursor).toBeNull();
    await api.http().get('/api/v1/wallet/withdrawals?cursor=garbage').auth(subject.token, bearer).expect(400);
    await until(async () => (await wallet(subject)).pendingWithdrawalFen === 0);
  });

  it('should leave the ledger balanced, the hold account empty', async () => {
    const ledger = api.app.get(LedgerService);
    const trial = await ledger.trialBalance();
    expect(trial.totalFen).toBe(0);
    expect(trial.accounts.find((a) => a.account === 'withdrawal_hold')).toEqual({
      account: 'withdrawal_hold',
      balanceFen: 0,
    });
    expect(await ledger.reconcile()).toEqual([]);
  });
});
