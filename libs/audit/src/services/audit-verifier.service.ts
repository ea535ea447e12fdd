import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditHash, GENESIS_HASH } from '../audit-hash';
import { AUDIT_ROW_COLUMNS, AuditRow, unhashedEvent } from '../audit-row';

const BATCH_SIZE = 2000;

export type ChainVerification = {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  firstBrokenSeq?: number;
};

/** Recomputes the chain from the stored rows: any edited, deleted or reordered row is found. */
@Injectable()
export class AuditVerifier {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(range: { fromSeq?: number; toSeq?: number } = {}): Promise<ChainVerification> {
    const [head] = await this.dataSource.query<{ seq: string; hash: string }[]>(
      'SELECT seq, hash FROM audit_chain_head WHERE id = 1',
    );
    const headSeq = Number(head?.seq ?? 0);
    const headHash = head?.hash ?? GENESIS_HASH;
    const fromSeq = Math.max(1, range.fromSeq ?? 1);
    const toSeq = Math.min(headSeq, range.toSeq ?? headSeq);
    const result = (checked: number, firstBrokenSeq?: number): ChainVerification =>
      firstBrokenSeq === undefined
        ? { ok: true, checked, headSeq, headHash }
        : { ok: false, checked, headSeq, headHash, firstBrokenSeq };

    let prevHash = fromSeq === 1 ? GENESIS_HASH : await this.storedHash(fromSeq - 1);
    if (prevHash === undefined) return result(0, fromSeq - 1);
    let expected = fromSeq;
    let checked = 0;
    while (expected <= toSeq) {
      const rows = await this.dataSource.query<AuditRow[]>(
        `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
        [expected, toSeq, BATCH_SIZE],
      );
      if (rows.length === 0) return result(checked, expected); // rows at the end of the chain are gone
      for (const row of rows) {
        if (Number(row.seq) !== expected) return result(checked, expected); // a row is missing here
        const hash = auditHash(unhashedEvent(row, expected, prevHash));
        if (row.prev_hash !== prevHash || row.hash !== hash) return result(checked, expected);
        checked += 1;
        prevHash = hash;
        expected += 1;
      }
    }
    if (toSeq === headSeq && checked > 0 && prevHash !== headHash) return result(checked, headSeq);
    return result(checked);
  }

  private async storedHash(seq: number): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ hash: string }[]>('SELECT hash FROM audit_events WHERE seq = $1', [
      seq,
    ]);
    return row?.hash;
  }
}
