import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditHash } from '../audit-hash';
import { AUDIT_ROW_COLUMNS, AuditRow, unhashedEvent } from '../audit-row';

const BATCH_SIZE = 1000;

export type SequencingLag = { pending: number; oldestPendingSeconds: number };

/**
 * The single post-commit sequencer of the audit chain. Each batch runs under a row lock on the chain
 * head, so two sequencers never interleave; it takes committed, unsequenced events in arrival order,
 * so a transaction that commits late is sequenced in a later batch and none is ever skipped.
 */
@Injectable()
export class AuditSequencer {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Sequences everything committed so far; returns how many events it placed in the chain. */
  async sequencePending(): Promise<number> {
    let total = 0;
    for (;;) {
      const placed = await this.sequenceBatch();
      total += placed;
      if (placed < BATCH_SIZE) return total;
    }
  }

  async lag(): Promise<SequencingLag> {
    const [row] = await this.dataSource.query<{ pending: number; oldest: number }[]>(
      `SELECT count(*)::int AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0)::float AS oldest
         FROM audit_events WHERE seq IS NULL`,
    );
    return { pending: row?.pending ?? 0, oldestPendingSeconds: row?.oldest ?? 0 };
  }

  private sequenceBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [head] = await manager.query<{ seq: string; hash: string }[]>(
        'SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE',
      );
      if (!head) throw new Error('audit_chain_head is missing: migrations have not run');
      const rows = await manager.query<AuditRow[]>(
        `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events WHERE seq IS NULL ORDER BY arrival LIMIT $1`,
        [BATCH_SIZE],
      );
      if (rows.length === 0) return 0;

      let seq = Number(head.seq);
      let prevHash = head.hash;
      const ids: string[] = [];
      const seqs: number[] = [];
      const prevHashes: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        seq += 1;
        const hash = auditHash(unhashedEvent(row, seq, prevHash));
        ids.push(row.id);
        seqs.push(seq);
        prevHashes.push(prevHash);
        hashes.push(hash);
        prevHash = hash;
      }
      await manager.query(
        `UPDATE audit_events AS e SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
           FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev_hash, hash)
          WHERE e.id = v.id`,
        [ids, seqs, prevHashes, hashes],
      );
      await manager.query('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1', [seq, prevHash]);
      return rows.length;
    });
  }
}
