import Decimal from 'decimal.js';

/**
 * A private decimal.js copy for rule thresholds and price comparisons: 34 significant digits (as
 * the portfolio domain uses) and isolated from any other module calling `Decimal.set`.
 */
export const RuleDecimal = Decimal.clone({ precision: 34, toExpNeg: -40, toExpPos: 40 });
export type RuleDecimal = Decimal;
