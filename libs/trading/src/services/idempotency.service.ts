import { Actor, DomainError, ErrorKind } from '@hst/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { TradingErrorCode, TradingException } from '../exceptions/trading.exception';
import {
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENCY_KEY_TTL_HOURS,
  IdempotentRequest,
  requestFingerprint,
} from '../idempotency';

/** A stored outcome: the success body, or the refusal (a DomainError, replayed as the same 4xx). */
type Outcome = { ok: true; body: unknown } | { ok: false; kind: ErrorKind; code: string; message: string };

type Claim = { kind: 'claimed'; token: string } | { kind: 'completed'; outcome: Outcome } | { kind: 'in_flight' };

/** A claim not completed this long after it was taken belongs to a process that died: nothing it did committed. */
const CLAIM_LEASE_SECONDS = 30;
/** How long a duplicate waits for the first request before answering 409 (longer than a lease). */
const MAX_WAIT_MS = 45_000;

/** Raised inside the work's transaction when another request took the claim over: roll back, then wait. */
class ClaimLost extends Error {}

/**
 * Idempotency-Key handling of the money-moving routes (contract "idempotency"). The key row is
 * claimed in its own short transaction; the work runs in a transaction that completes the key in the
 * same commit as the money movement, so "moved" and "stored" cannot disagree. A refusal (DomainError,
 * 4xx) is stored just after its rollback; anything else (5xx) releases the claim for a retry.
 * A duplicate polls until the first completes and replays it; another fingerprint is 409.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(
    actor: Actor,
    request: IdempotentRequest,
    successStatus: number,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    const { key } = request;
    if (key === undefined || key.length < 1 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
      throw new TradingException(TradingErrorCode.IdempotencyKeyMissing);
    }
    const fingerprint = requestFingerprint(request);
    const deadline = Date.now() + MAX_WAIT_MS;
    let pauseMs = 10;
    for (;;) {
      const claim = await this.claim(actor.subjectId, key, fingerprint);
      if (claim.kind === 'completed') return this.replay<T>(claim.outcome);
      if (claim.kind === 'claimed') {
        const done = await this.execute(actor.subjectId, key, claim.token, successStatus, work);
        if (done.ok) return done.value;
      }
      if (Date.now() > deadline) throw new TradingException(TradingErrorCode.IdempotencyKeyInProgress);
      await sleep(pauseMs);
      pauseMs = Math.min(pauseMs * 2, 200);
    }
  }

  /** Deletes keys older than the retention (≥ 24 h). */
  async purgeExpired(): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `WITH gone AS (DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [IDEMPOTENCY_KEY_TTL_HOURS],
    );
    return n;
  }

  /** Inserts a new claim, or takes over one whose lease ran out; else reports what the key holds. */
  private async claim(subjectId: string, key: string, fingerprint: string): Promise<Claim> {
    const token = randomUUID();
    const claimed = await this.dataSource.query<{ token: string }[]>(
      `INSERT INTO idempotency_keys (subject_id, key, fingerprint, state, token, claimed_at)
       VALUES ($1, $2, $3, 'in_flight', $4, now())
       ON CONFLICT (subject_id, key) DO UPDATE SET token = EXCLUDED.token, claimed_at = now()
        WHERE idempotency_keys.state = 'in_flight' AND idempotency_keys.fingerprint = EXCLUDED.fingerprint
          AND idempotency_keys.claimed_at < now() - make_interval(secs => $5)
       RETURNING token`,
      [subjectId, key, fingerprint, token, CLAIM_LEASE_SECONDS],
    );
    if (claimed[0]?.token === token) return { kind: 'claimed', token };
    const [row] = await this.dataSource.query<{ fingerprint: string; state: string; response_body: Outcome }[]>(
      'SELECT fingerprint, state, response_body FROM idempotency_keys WHERE subject_id = $1 AND key = $2',
      [subjectId, key],
    );
    if (!row) return { kind: 'in_flight' }; // purged in between: claim again
    if (row.fingerprint !== fingerprint) throw new TradingException(TradingErrorCode.IdempotencyKeyReused);
    return row.state === 'completed' ? { kind: 'completed', outcome: row.response_body } : { kind: 'in_flight' };
  }

  private async execute<T>(
    subjectId: string,
    key: string,
    token: string,
    successStatus: number,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false }> {
    try {
      const value = await this.dataSource.transaction(async (manager) => {
        const result = await work(manager);
        const stored = await this.complete(manager, subjectId, key, token, successStatus, { ok: true, body: result });
        if (!stored) throw new ClaimLost();
        return result;
      });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ClaimLost) return { ok: false };
      if (error instanceof DomainError) {
        const outcome: Outcome = { ok: false, kind: error.kind, code: error.code, message: error.message };
        await this.complete(this.dataSource.manager, subjectId, key, token, null, outcome);
      } else {
        await this.dataSource.query(
          `DELETE FROM idempotency_keys WHERE subject_id = $1 AND key = $2 AND token = $3 AND state = 'in_flight'`,
          [subjectId, key, token],
        );
      }
      throw error;
    }
  }

  /** Completes the claim if it is still ours; false when another request took it over. */
  private async complete(
    manager: EntityManager,
    subjectId: string,
    key: string,
    token: string,
    status: number | null,
    outcome: Outcome,
  ): Promise<boolean> {
    const [{ n }] = await manager.query<{ n: number }[]>(
      `WITH done AS (
         UPDATE idempotency_keys SET state = 'completed', response_status = $4, response_body = $5::json, completed_at = now()
          WHERE subject_id = $1 AND key = $2 AND token = $3 AND state = 'in_flight'
         RETURNING 1)
       SELECT count(*)::int AS n FROM done`,
      [subjectId, key, token, status, JSON.stringify(outcome)],
    );
    return n === 1;
  }

  private replay<T>(outcome: Outcome): T {
    if (outcome.ok) return outcome.body as T;
    throw new DomainError(outcome.kind, outcome.code, outcome.message);
  }
}
