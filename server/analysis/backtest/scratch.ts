/**
 * Reusable curve arrays for backtests whose curves are not kept: a sweep, a walk-forward run or
 * the bench backtest many action arrays and keep only the metrics. Without it every backtest
 * allocates three fresh series-long Float64Arrays (equity, position, drawdown), which on long
 * series costs more in allocation and garbage collection than the simulation itself.
 *
 * The simulation writes every element of the arrays it is given, so reused contents never leak
 * into a result. Curves returned from a backtest that used a scratch are views of it, valid until
 * its next use.
 */
export class BacktestScratch {
  private equity = new Float64Array(0);
  private position = new Float64Array(0);
  private drawdown = new Float64Array(0);

  /** Arrays of exactly `length` elements (views of buffers grown as needed). */
  curves(length: number): { equity: Float64Array; position: Float64Array; drawdown: Float64Array } {
    if (this.equity.length < length) {
      this.equity = new Float64Array(length);
      this.position = new Float64Array(length);
      this.drawdown = new Float64Array(length);
    }
    return {
      equity: this.equity.subarray(0, length),
      position: this.position.subarray(0, length),
      drawdown: this.drawdown.subarray(0, length),
    };
  }
}
