import { QueueName } from '@hst/queue';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { startApi, startWorker, TestApi } from './support/app';
import { adminToken, registerSubject, TestSubject } from './support/factories';
import { registrationRequest } from './support/registry-factories';
import { sleep, until } from './support/wait';

const NOTICE_SECONDS = 2;

/** The public notice timer through the real worker: delayed jobs, restarts and the PostgreSQL sweep. */
describe('Registration notice timer (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let vendor: TestSubject;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi({ REGISTRATION_NOTICE_SECONDS: String(NOTICE_SECONDS) });
    admin = await adminToken(api);
    vendor = await registerSubject(api, { approveWith: admin });
    db = api.app.get(DataSource);
  });
  afterAll(() => api.app.close());

  async function startNotice(): Promise<string> {
    const created = await api
      .http()
      .post('/api/v1/registrations')
      .auth(vendor.token, { type: 'bearer' })
      .send(registrationRequest())
      .expect(201);
    await api
      .http()
      .post(`/api/v1/registrations/${created.body.id}/start-notice`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    return created.body.id as string;
  }

  const statusOf = async (id: string) =>
    (await db.query<{ status: string }[]>('SELECT status FROM registrations WHERE id = $1', [id]))[0].status;
  const certificatesOf = async (id: string) =>
    (await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM certificates WHERE registration_id = $1', [id]))[0]
      .n;

  it('should register and certify when the notice ends', async () => {
    const worker = await startWorker({ TIMER_SWEEP_INTERVAL_MS: '3600000' });
    try {
      const id = await startNotice();
      expect(await statusOf(id)).toBe('in_notice');
      await until(async () => (await statusOf(id)) === 'registered');
      expect(await certificatesOf(id)).toBe(1);
    } finally {
      await worker.close();
    }
  });

  it('should end a notice that fell due while no worker ran, once, after a restart', async () => {
    let worker: NestFastifyApplication = await startWorker({ TIMER_SWEEP_INTERVAL_MS: '3600000' });
    const id = await startNotice();
    await worker.close(); // the worker goes down before the notice ends
    await sleep(NOTICE_SECONDS * 1000 + 300);
    expect(await statusOf(id)).toBe('in_notice');
    worker = await startWorker({ TIMER_SWEEP_INTERVAL_MS: '3600000' });
    try {
      await until(async () => (await statusOf(id)) === 'registered');
      await sleep(500);
      expect(await certificatesOf(id)).toBe(1);
    } finally {
      await worker.close();
    }
  });

  it('should end a notice whose delayed job Redis lost, from the PostgreSQL sweep', async () => {
    const queue = api.app.get<Queue>(getQueueToken(QueueName.RegistrationNotice));
    const id = await startNotice();
    const delayed = (await queue.getDelayed()) as Job<{ registrationId?: string }>[];
    const job = delayed.find((j) => j.data.registrationId === id);
    expect(job).toBeDefined();
    await job!.remove();
    await sleep(NOTICE_SECONDS * 1000 + 200);
    const worker = await startWorker({ TIMER_SWEEP_INTERVAL_MS: '200' });
    try {
      await until(async () => (await statusOf(id)) === 'registered');
      expect(await certificatesOf(id)).toBe(1);
    } finally {
      await worker.close();
    }
  });
});
