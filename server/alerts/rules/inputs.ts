import type { BarSeries } from '@/server/analysis/bars';
import type { AlertMessage } from './alert-message';
import type { ConditionKind, ScopeOf } from './conditions';

/** One symbol's market state at evaluation time. Money is decimal strings in `currency`. */
export interface SymbolInput {
  symbol: string;
  currency: string;
  /** Latest price. */
  price: string;
  /** The previous session's close; null until known (day-change kinds then stay inactive). */
  previousClose: string | null;
  /** Today's cumulative volume; null when unknown (the live bar's volume is used instead). */
  volume: number | null;
  /**
   * Daily bars oldest → newest, the last one being today's live bar. Only the kinds that read
   * history need them; `needsBars(condition)` says how many.
   */
  bars?: BarSeries;
}

/** A symbol held in one of the user's accounts (holding-scoped kinds). */
export interface HoldingInput extends SymbolInput {
  accountId: string;
  quantity: string;
  averageCost: string;
  /** Unrealised return on cost as a fraction (0.2 = 20 %), as portfolio valuation reports it. */
  returnRate: number | null;
}

/** The user's whole portfolio (portfolio-scoped kinds), in the display currency. */
export interface PortfolioInput {
  /** Simple return as a fraction (total gain / net contributions), null before any deposit. */
  returnRate: number | null;
  totalValue: string;
  currency: string;
}

export interface ScopeInputs {
  symbol: SymbolInput;
  holding: HoldingInput;
  portfolio: PortfolioInput;
}

/** The input a condition kind is evaluated on. */
export type InputFor<K extends ConditionKind> = ScopeInputs[ScopeOf<K>];

/**
 * The outcome of one evaluation: whether the condition holds now, the value it looked at (a
 * decimal string for prices, a number otherwise, null when it could not be judged) and a message
 * saying so.
 */
export interface Evaluation {
  active: boolean;
  observed: number | string | null;
  message: AlertMessage;
}
