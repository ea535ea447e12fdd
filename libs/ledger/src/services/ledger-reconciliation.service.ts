import { AlertsService } from '@hst/audit';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LedgerService, ReconciliationFinding } from './ledger.service';

/**
 * The repeatable reconciliation: proves every transfer balances and every balance equals its entries,
 * and raises a critical `ledger_mismatch` alert for each finding (one open alert per account shard or
 * transfer, however often it runs).
 */
@Injectable()
export class LedgerReconciliation {
  private readonly logger = new Logger(LedgerReconciliation.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly alerts: AlertsService,
  ) {}

  async run(): Promise<ReconciliationFinding[]> {
    const findings = await this.ledger.reconcile();
    if (findings.length === 0) return findings;
    this.logger.error(`ledger reconciliation found ${findings.length} problem(s)`);
    await this.dataSource.transaction(async (manager) => {
      for (const finding of findings) {
        const [entityType, entityId] =
          finding.kind === 'balance_mismatch'
            ? ['ledger_balance', `${finding.accountId}#${finding.shard}`]
            : ['ledger_transfer', finding.transferId];
        await this.alerts.raise(manager, {
          rule: 'ledger_mismatch',
          severity: 'critical',
          entityType,
          entityId,
          details: { ...finding },
        });
      }
    });
    return findings;
  }
}
