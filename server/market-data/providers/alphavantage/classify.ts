import { ProviderError } from '@/server/market-data/errors';

/**
 * Alpha Vantage answers every error with HTTP 200 and one of three keys, and the same key can mean
 * different things ("Information" is a daily cap, a premium-only endpoint, the demo key …), so the
 * kind is read from the text. Order matters: the daily-cap text also mentions premium plans.
 */
export function classifyAlphaVantageBody(body: unknown): ProviderError | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return new ProviderError('alphavantage', 'malformed', 'the response is not a JSON object');
  }
  const record = body as Record<string, unknown>;
  const errorMessage = textOf(record['Error Message']);
  if (errorMessage !== null) return fromErrorMessage(errorMessage);
  const note = textOf(record.Note);
  if (note !== null) return fromThrottleText(note, 'Note') ?? minuteLimit(note, 'Note');
  const information = textOf(record.Information);
  if (information !== null) return fromInformation(information);
  return null;
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function fromErrorMessage(text: string): ProviderError {
  if (/api\s?key/i.test(text)) return badKey(text);
  // "Invalid API call … for TIME_SERIES_DAILY": the symbol (or function) does not exist.
  return new ProviderError('alphavantage', 'not-found', text, { providerCode: 'Error Message' });
}

function fromInformation(text: string): ProviderError {
  if (/\bdemo\b/i.test(text)) return badKey(text);
  const throttle = fromThrottleText(text, 'Information');
  if (throttle) return throttle;
  if (/premium/i.test(text)) {
    return new ProviderError('alphavantage', 'premium', text, { providerCode: 'Information' });
  }
  if (/api\s?key/i.test(text) && /invalid|missing/i.test(text)) return badKey(text);
  return new ProviderError('alphavantage', 'rejected', text, { providerCode: 'Information' });
}

/** The legacy "Note" names both limits; the minute one is what it is about. */
function fromThrottleText(text: string, key: string): ProviderError | null {
  const perMinute = /per minute|per second|call frequency|spreading out/i.test(text);
  // Not a bare "daily": TIME_SERIES_DAILY appears in premium-feature texts.
  const perDay = /per day|daily (rate )?limit/i.test(text);
  if (perDay && !perMinute) {
    return new ProviderError('alphavantage', 'daily-limit', text, { providerCode: key });
  }
  return perMinute ? minuteLimit(text, key) : null;
}

function minuteLimit(text: string, key: string): ProviderError {
  return new ProviderError('alphavantage', 'minute-limit', text, {
    retryAfterMs: 60_000,
    providerCode: key,
  });
}

function badKey(text: string): ProviderError {
  return new ProviderError('alphavantage', 'bad-key', text);
}
