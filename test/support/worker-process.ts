import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { sleep } from './wait';

const ROOT = resolve(__dirname, '../..');
/** ts-node's own CLI run in this node: it transpiles with @swc/core (no type check, no build), in-process. */
const TS_NODE = require.resolve('ts-node/dist/bin.js');

/** Every child started here, killed -9 when the test process exits whatever happened. */
const children = new Set<ChildProcess>();
process.once('exit', () => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL')));

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** A child process with its last output kept for the failure message, and an exit that can be awaited. */
class Child {
  protected child?: ChildProcess;
  private exited?: Promise<void>;
  private output: string[] = [];

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  protected spawn(command: string, args: string[], env: NodeJS.ProcessEnv): void {
    if (this.running) throw new Error(`already running (pid ${this.pid})`);
    this.output = [];
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 50) this.output.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    this.exited = new Promise((ok) => child.once('exit', () => ok()));
    children.add(child);
    child.once('exit', () => children.delete(child));
    this.child = child;
  }

  /** Sends the signal and resolves once the process is gone (SIGKILL: no shutdown hook runs). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.running) return;
    this.child!.kill(signal);
    await this.exited;
  }

  lastOutput(): string {
    return this.output.join('').slice(-4000);
  }
}

/**
 * The real worker (apps/worker/src/main.ts: env, migrations, Nest on Fastify) as a child process, so that
 * SIGKILL kills it for real: open transactions die with their connections, job locks stay in Redis until
 * they expire. It runs on the run's DATABASE_URL / REDIS_URL / REDIS_PREFIX (set by global-setup) unless
 * overridden. Started through ts-node with the swc transpiler: ~1.5 s to a healthy /health on an idle
 * machine, against ~5 s for ts-node's TypeScript transpiler and far more for a `tsc` build.
 */
export class WorkerProcess extends Child {
  starts = 0;

  constructor(
    private readonly env: Record<string, string>,
    readonly port: number,
  ) {
    super();
  }

  static async create(env: Record<string, string> = {}): Promise<WorkerProcess> {
    return new WorkerProcess(env, await freePort());
  }

  /** Spawns the worker and waits for its /health to answer 200. */
  async start(timeoutMs = 30_000): Promise<void> {
    this.spawn(process.execPath, [TS_NODE, '--swc', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'], {
      ...process.env,
      LOG_LEVEL: 'silent',
      ...this.env,
      WORKER_PORT: String(this.port),
      TS_NODE_PROJECT: resolve(ROOT, 'tsconfig.json'),
    });
    this.starts += 1;
    await this.waitUntilReady(timeoutMs);
  }

  async waitUntilReady(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`worker exited during start:\n${this.lastOutput()}`);
      try {
        const res = await fetch(`http://127.0.0.1:${this.port}/health`, { signal: AbortSignal.timeout(1000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`worker not ready in ${timeoutMs} ms:\n${this.lastOutput()}`);
      await sleep(50);
    }
  }
}

/** A private redis-server (no persistence: a restart is an empty Redis) on a port of its own. */
export class RedisServer extends Child {
  constructor(readonly port: number) {
    super();
  }

  static async create(): Promise<RedisServer> {
    return new RedisServer(await freePort());
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 10_000): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    this.spawn('redis-server', args, process.env);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`redis-server exited:\n${this.lastOutput()}`);
      const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await probe.connect();
        if ((await probe.ping()) === 'PONG') return;
      } catch {
        // not listening yet
      } finally {
        probe.disconnect();
      }
      if (Date.now() > deadline) throw new Error(`redis-server not ready:\n${this.lastOutput()}`);
      await sleep(50);
    }
  }
}
