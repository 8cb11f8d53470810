import { ProviderError, type ProviderErrorKind } from '@/server/market-data/errors';

/**
 * KIS reports failures in the body, sometimes with HTTP 200 and sometimes with HTTP 500 (the
 * per-second throttle EGW00201 does both), so the body's code is read before the status. REST
 * calls use `rt_cd`/`msg_cd`/`msg1`; the OAuth endpoints use `error_code`/`error_description`.
 */
const kindByCode: Record<string, ProviderErrorKind> = {
  EGW00123: 'token-expired', // 기간이 만료된 token 입니다
  EGW00121: 'token-expired', // 유효하지 않은 token 입니다
  EGW00201: 'minute-limit', // 초당 거래건수를 초과하였습니다
  EGW00133: 'minute-limit', // 접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)
  EGW00102: 'bad-key', // AppKey는 필수입니다
  EGW00103: 'bad-key', // 유효하지 않은 AppKey입니다
  EGW00105: 'bad-key', // 유효하지 않은 AppSecret입니다
};

// EGW00201 is a per-second throttle: ordinary backoff covers it. Token issues wait a minute.
const retryAfterByCode: Record<string, number> = { EGW00133: 60_000 };

export function classifyKisBody(body: unknown): ProviderError | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  const code = stringOf(record.msg_cd) ?? stringOf(record.error_code);
  const message = stringOf(record.msg1) ?? stringOf(record.error_description) ?? '';
  const failed =
    (typeof record.rt_cd === 'string' && record.rt_cd !== '0') ||
    (record.rt_cd === undefined && record.error_code !== undefined);
  if (!failed) return null;
  const kind = (code && kindByCode[code]) || 'rejected';
  const retryAfterMs = code ? retryAfterByCode[code] : undefined;
  return new ProviderError(
    'kis',
    kind,
    `${code ?? 'KIS'}: ${message.trim() || 'request refused'}`,
    {
      ...(code ? { providerCode: code } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    },
  );
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
