import { DomainError } from '@/server/errors';
import { providerErrorKind } from './errors';
import type { Market, MarketDataProvider, ProviderId } from './types';

/**
 * Which provider serves which market: KRX → kis when configured, US → alphavantage when configured,
 * otherwise the offline demo. A request the first provider cannot serve ('unsupported', e.g. KIS
 * has no statements) falls through to the next one that serves the market. Real providers never
 * fall back to the demo: simulated prices must not mix into real history.
 */
export function createProviderRouter(providers: readonly MarketDataProvider[]) {
  const byId = new Map<ProviderId, MarketDataProvider>(providers.map((p) => [p.id, p]));

  function chain(market: Market): MarketDataProvider[] {
    const real = providers.filter((p) => p.id !== 'demo' && p.markets.includes(market));
    // The market's own provider first (kis for KR, alphavantage for US).
    const preferred: ProviderId = market === 'KR' ? 'kis' : 'alphavantage';
    real.sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred));
    if (real.length > 0) return real;
    const demo = byId.get('demo');
    return demo && demo.markets.includes(market) ? [demo] : [];
  }

  return {
    chain,
    primary(market: Market): MarketDataProvider | undefined {
      return chain(market)[0];
    },
    get(id: ProviderId): MarketDataProvider | undefined {
      return byId.get(id);
    },
    all(): readonly MarketDataProvider[] {
      return providers;
    },
    /** Run `call` against the market's providers in order, skipping those that answer 'unsupported'. */
    async call<T>(
      market: Market,
      call: (provider: MarketDataProvider) => Promise<T>,
    ): Promise<{ value: T; provider: MarketDataProvider }> {
      const candidates = chain(market);
      let lastError: unknown = new DomainError(
        'PROVIDER_UNAVAILABLE',
        `No market-data provider serves the ${market} market`,
      );
      for (const provider of candidates) {
        try {
          return { value: await call(provider), provider };
        } catch (error) {
          if (providerErrorKind(error) !== 'unsupported') throw error;
          lastError = error;
        }
      }
      throw lastError;
    },
  };
}

export type ProviderRouter = ReturnType<typeof createProviderRouter>;
