import { decodeCursor, Page, toPage } from '@hst/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditEvent } from '../audit-hash';
import { AUDIT_ROW_COLUMNS, AuditRow, toAuditEvent } from '../audit-row';
import type { AuditEventsQuery } from '../dto/audit-events.query';

type SeqCursor = { seq: number };
const isSeqCursor = (v: Record<string, unknown>): v is SeqCursor => Number.isSafeInteger(v.seq);

/** Reads the sequenced chain for regulators, ordered by seq. Unsequenced events are not shown yet. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: AuditEventsQuery): Promise<Page<AuditEvent>> {
    const after = decodeCursor(query.cursor, isSeqCursor)?.seq ?? 0;
    const where = ['seq IS NOT NULL', 'seq > $1'];
    const params: unknown[] = [after];
    const filter = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.action) filter('action = ?', query.action);
    if (query.entityType) filter('entity_type = ?', query.entityType);
    if (query.entityId) filter('entity_id = ?', query.entityId);
    if (query.subjectId) filter('actor_subject_id = ?', query.subjectId);
    if (query.from) filter('occurred_at >= ?', query.from);
    if (query.to) filter('occurred_at < ?', query.to);
    params.push(query.limit + 1);
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, query.limit, toAuditEvent, (row) => ({ seq: Number(row.seq) }));
  }
}
