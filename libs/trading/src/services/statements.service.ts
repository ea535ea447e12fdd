import { Actor, hasRole } from '@hst/common';
import { roleFor } from '@hst/subjects';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StatementQuery } from '../dto/trading.dto';
import type { StatementResponse } from '../dto/trading.responses';
import { TradingErrorCode, TradingException } from '../exceptions/trading.exception';

type StatementRow = {
  orders_settled: number;
  gross_fen: string;
  refund_fen: string;
  platform_fee_fen: string;
  authority_share_fen: string;
};

/**
 * Daily settlement statements (结算日报) of a vendor: the orders it settled or refunded on an Asia/Shanghai
 * date, with the fee and the authority's share read from the ledger transfers that moved them (so a
 * partially refunded order counts the fee on amount − refund, exactly as settled).
 */
@Injectable()
export class StatementsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async daily(actor: Actor, query: StatementQuery): Promise<StatementResponse> {
    const vendorId = this.vendorFor(actor, query.vendorId);
    // IDX_orders_vendor_id_settled_at finds the day's orders; IDX_ledger_transfers_order_id their transfers.
    const [row] = await this.dataSource.query<StatementRow[]>(
      `SELECT count(*)::int AS orders_settled,
              COALESCE(sum(o.amount_fen), 0) AS gross_fen,
              COALESCE(sum(o.refund_fen), 0) AS refund_fen,
              COALESCE(sum(t.fee), 0) AS platform_fee_fen,
              COALESCE(sum(t.share), 0) AS authority_share_fen
         FROM orders o
        CROSS JOIN LATERAL (
              SELECT COALESCE(sum(lt.amount_fen) FILTER (WHERE lt.kind = 'platform_fee'), 0) AS fee,
                     COALESCE(sum(lt.amount_fen) FILTER (WHERE lt.kind = 'authority_share'), 0) AS share
                FROM ledger_transfers lt WHERE lt.order_id = o.id) t
        WHERE o.vendor_id = $1
          AND o.status IN ('settled', 'refunded')
          AND o.settled_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')
          AND o.settled_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
      [vendorId, query.date],
    );
    const gross = Number(row.gross_fen);
    const refund = Number(row.refund_fen);
    const fee = Number(row.platform_fee_fen);
    const share = Number(row.authority_share_fen);
    return {
      date: query.date,
      ordersSettled: row.orders_settled,
      grossFen: gross,
      platformFeeFen: fee,
      authorityShareFen: share,
      refundFen: refund,
      netFen: gross - refund - fee - share,
    };
  }

  /** Admin and regulator name the vendor (required); a vendor or operator reads its own (another's → 403). */
  private vendorFor(actor: Actor, vendorId: string | undefined): string {
    if (hasRole(actor, 'admin', 'regulator')) {
      if (!vendorId) throw new TradingException(TradingErrorCode.StatementVendorRequired);
      return vendorId;
    }
    roleFor(actor, ['vendor', 'operator']);
    if (vendorId && vendorId !== actor.subjectId) throw new TradingException(TradingErrorCode.StatementVendorNotYours);
    return actor.subjectId;
  }
}
