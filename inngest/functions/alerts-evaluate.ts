import { cron } from 'inngest';
import { marketOf } from '@/server/market-data/symbols';
import { isSessionOpen } from '@/server/market-data/sessions';
import { getServices } from '@/server/services';
import { inngest } from '../client';
import { callService } from '../errors';
import { priceMoved } from '../events';

/**
 * A symbol's price moved: evaluate the rules it affects (its own rules and the holding rules of
 * its holders). Debounced per symbol, so a stream of quotes becomes one evaluation every few
 * seconds with the latest price; evaluation is idempotent, so a retry cannot double-notify.
 */
export const evaluatePriceAlerts = inngest.createFunction(
  {
    id: 'alerts-evaluate-symbol',
    name: 'Evaluate alert rules on a price move (debounced per symbol)',
    triggers: [{ event: priceMoved }],
    debounce: { key: 'event.data.symbol', period: '2s', timeout: '10s' },
    retries: 3,
  },
  async ({ event, step }) =>
    step.run('evaluate', async () => {
      const services = await getServices();
      const outcome = await callService(() =>
        services.alerts.evaluator.evaluateSymbols([event.data.symbol]),
      );
      return { rules: outcome.rules, fired: outcome.fired };
    }),
);

/**
 * Every minute: evaluate every watched symbol whose market is open (catches moves the live
 * stream missed, and rules on symbols nobody streams). Batches of 200 symbols, one step each.
 */
export const sweepAlerts = inngest.createFunction(
  {
    id: 'alerts-sweep-open-markets',
    name: 'Sweep alert rules of open markets',
    triggers: [cron('* * * * *')],
    concurrency: { limit: 1 },
    retries: 2,
  },
  async ({ step }) => {
    const symbols = await step.run('open-symbols', async () => {
      const services = await getServices();
      const now = new Date();
      const watched = await services.alerts.evaluator.watchedSymbols();
      return watched.filter((symbol) => isSessionOpen(marketOf(symbol), now));
    });
    let fired = 0;
    for (let i = 0; i < symbols.length; i += 200) {
      const batch = symbols.slice(i, i + 200);
      fired += await step.run(`evaluate-${i / 200}`, async () => {
        const services = await getServices();
        return (await callService(() => services.alerts.evaluator.evaluateSymbols(batch))).fired;
      });
    }
    return { symbols: symbols.length, fired };
  },
);

/** Hourly: portfolio-return rules (whole-portfolio valuations are too heavy for every tick). */
export const sweepPortfolioAlerts = inngest.createFunction(
  {
    id: 'alerts-sweep-portfolios',
    name: 'Sweep portfolio alert rules',
    triggers: [cron('5 * * * *')],
    concurrency: { limit: 1 },
    retries: 2,
  },
  async ({ step }) =>
    step.run('evaluate', async () => {
      const services = await getServices();
      const outcome = await callService(() => services.alerts.evaluator.evaluatePortfolios());
      return { rules: outcome.rules, fired: outcome.fired };
    }),
);
