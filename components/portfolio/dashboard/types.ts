/** The portfolio DTOs as the pages receive them (types only; nothing server-side is bundled). */
export type {
  AllocationBy,
  AllocationDto,
  HoldingDto,
  SummaryDto,
} from '@/server/portfolio/analytics-dto';
export type { HistoryDto, PerformanceDto } from '@/server/portfolio/analytics-performance';
export type { AccountDto } from '@/server/portfolio/schemas';
