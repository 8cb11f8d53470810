/** The report's shapes as the pages pass them to these components (types only). */
export type {
  DailyReportContent,
  Money,
  ReportDividend,
  ReportEngineSignal,
  ReportFiredAlert,
  ReportMover,
  ReportSeverity,
  ReportStrategyAccuracy,
} from '@/server/alerts/reports/content';
export type { DailyReportListItem, StoredDailyReport } from '@/server/alerts/reports/service';
export type { ReportAlertText } from '@/server/alerts/reports/alert-texts';
