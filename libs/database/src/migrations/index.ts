import { CreateFoundation1795972626154 } from './1795972626154-CreateFoundation';
import { GuardAuditTrail1795972700000 } from './1795972700000-GuardAuditTrail';
import { TrackOutboxDispatch1795973154842 } from './1795973154842-TrackOutboxDispatch';
import { CreateRegistry1795973560503 } from './1795973560503-CreateRegistry';
import { CreateCatalog1795990000000 } from './1795990000000-CreateCatalog';
import { CreateLedger1796000000000 } from './1796000000000-CreateLedger';
import { WidenNoticeRemaining1796050000000 } from './1796050000000-WidenNoticeRemaining';
import { CreateAlerts1796060000000 } from './1796060000000-CreateAlerts';
import { CreateLicensing1796100000000 } from './1796100000000-CreateLicensing';
import { CreateTrading1796110000000 } from './1796110000000-CreateTrading';
import { AddOrderSettlement1796120000000 } from './1796120000000-AddOrderSettlement';
import { CreateDisputes1796200000000 } from './1796200000000-CreateDisputes';
import { IndexOrderStatements1796210000000 } from './1796210000000-IndexOrderStatements';
import { CreateWithdrawals1796220000000 } from './1796220000000-CreateWithdrawals';
import { RecordConsumerSubscriptions1796300000000 } from './1796300000000-RecordConsumerSubscriptions';
import { SearchIndexWithoutPendingList1796400000000 } from './1796400000000-SearchIndexWithoutPendingList';
import { KeysetTimesInMilliseconds1796500000000 } from './1796500000000-KeysetTimesInMilliseconds';
import { LedgerJournalAppendOnly1796600000000 } from './1796600000000-LedgerJournalAppendOnly';

/** Every migration, in order. Listed explicitly so that bundlers and test runners need no globs. */
export const MIGRATIONS = [
  CreateFoundation1795972626154,
  GuardAuditTrail1795972700000,
  TrackOutboxDispatch1795973154842,
  CreateRegistry1795973560503,
  CreateCatalog1795990000000,
  CreateLedger1796000000000,
  WidenNoticeRemaining1796050000000,
  CreateAlerts1796060000000,
  CreateLicensing1796100000000,
  CreateTrading1796110000000,
  AddOrderSettlement1796120000000,
  CreateDisputes1796200000000,
  IndexOrderStatements1796210000000,
  CreateWithdrawals1796220000000,
  RecordConsumerSubscriptions1796300000000,
  SearchIndexWithoutPendingList1796400000000,
  KeysetTimesInMilliseconds1796500000000,
  LedgerJournalAppendOnly1796600000000,
];
