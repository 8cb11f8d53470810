import { z } from 'zod';

/**
 * KIS websocket frames. Data frames are `flag|tr_id|count|records`: flag 0 plain / 1 encrypted,
 * then `count` records of `^`-separated fields laid end to end (H0STCNT0 records have 46 fields).
 * Everything else is JSON: PINGPONG keep-alives and per-subscription system replies.
 */
export const H0STCNT0 = 'H0STCNT0';
export const H0STCNT0_FIELDS = 46;

export type KisFrame =
  | { type: 'data'; trId: string; encrypted: boolean; records: string[][] }
  | { type: 'pingpong' }
  | {
      type: 'system';
      trId: string;
      trKey: string;
      ok: boolean;
      code: string;
      message: string;
    }
  | { type: 'invalid'; reason: string };

const systemFrameSchema = z.object({
  header: z.object({ tr_id: z.string(), tr_key: z.string().optional() }),
  body: z
    .object({ rt_cd: z.string(), msg_cd: z.string().optional(), msg1: z.string().optional() })
    .optional(),
});

const fieldCounts: Record<string, number> = { [H0STCNT0]: H0STCNT0_FIELDS };

export function parseKisFrame(text: string): KisFrame {
  if (text.startsWith('0|') || text.startsWith('1|')) return parseDataFrame(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { type: 'invalid', reason: `neither a data frame nor JSON: ${text.slice(0, 60)}` };
  }
  const parsed = systemFrameSchema.safeParse(json);
  if (!parsed.success) return { type: 'invalid', reason: 'JSON frame without header.tr_id' };
  const { header, body } = parsed.data;
  if (header.tr_id === 'PINGPONG') return { type: 'pingpong' };
  return {
    type: 'system',
    trId: header.tr_id,
    trKey: header.tr_key ?? '',
    ok: body?.rt_cd === '0',
    code: body?.msg_cd ?? '',
    message: body?.msg1 ?? '',
  };
}

function parseDataFrame(text: string): KisFrame {
  const parts = text.split('|');
  if (parts.length !== 4) return { type: 'invalid', reason: 'a data frame has four |-parts' };
  const [flag, trId, countText, payload] = parts as [string, string, string, string];
  const count = Number(countText);
  if (!/^\d+$/.test(countText) || count < 1) {
    return { type: 'invalid', reason: `bad record count ${countText}` };
  }
  if (flag === '1') return { type: 'data', trId, encrypted: true, records: [] };
  const fields = payload.split('^');
  const perRecord = fieldCounts[trId] ?? fields.length / count;
  if (!Number.isInteger(perRecord) || fields.length !== perRecord * count) {
    return {
      type: 'invalid',
      reason: `${trId}: ${fields.length} fields for ${count} records of ${perRecord}`,
    };
  }
  const records: string[][] = [];
  for (let i = 0; i < count; i += 1) records.push(fields.slice(i * perRecord, (i + 1) * perRecord));
  return { type: 'data', trId, encrypted: false, records };
}

/** H0STCNT0 field positions (KIS 국내주식 실시간체결가 layout). */
const F = {
  code: 0, // MKSC_SHRN_ISCD
  time: 1, // STCK_CNTG_HOUR, HHMMSS KST
  price: 2, // STCK_PRPR
  change: 4, // PRDY_VRSS, signed
  changePercent: 5, // PRDY_CTRT
  size: 12, // CNTG_VOL
  cumulativeVolume: 13, // ACML_VOL
  businessDate: 33, // BSOP_DATE, YYYYMMDD
} as const;

export interface TradeRecord {
  code: string;
  price: number;
  size: number;
  time: number;
  cumulativeVolume: number;
  change: number;
  changePercent: number;
}

const KST_OFFSET_MS = 9 * 60 * 60_000;
const numberPattern = /^[+-]?\d+(\.\d+)?$/;

/** One H0STCNT0 record → a trade, or a reason it cannot be one. */
export function tradeFromRecord(fields: string[]): TradeRecord | { error: string } {
  const at = (index: number) => fields[index] ?? '';
  const date = at(F.businessDate);
  const time = at(F.time);
  if (!/^\d{8}$/.test(date) || !/^\d{6}$/.test(time)) {
    return { error: `bad trade date/time ${date} ${time}` };
  }
  const numbers = [F.price, F.size, F.cumulativeVolume, F.change, F.changePercent].map((i) =>
    at(i),
  );
  if (!numbers.every((value) => numberPattern.test(value))) {
    return { error: `non-numeric trade fields for ${at(F.code)}` };
  }
  // Korea has kept UTC+9 without daylight saving since 1988, so a fixed offset is exact.
  const utc =
    Date.UTC(
      Number(date.slice(0, 4)),
      Number(date.slice(4, 6)) - 1,
      Number(date.slice(6, 8)),
      Number(time.slice(0, 2)),
      Number(time.slice(2, 4)),
      Number(time.slice(4, 6)),
    ) - KST_OFFSET_MS;
  return {
    code: at(F.code),
    price: Number(at(F.price)),
    size: Number(at(F.size)),
    time: utc,
    cumulativeVolume: Number(at(F.cumulativeVolume)),
    change: Number(at(F.change)),
    changePercent: Number(at(F.changePercent)),
  };
}

/** Subscribe (`tr_type` "1") / unsubscribe ("2") request, in the documented key order. */
export function subscriptionFrame(approvalKey: string, code: string, subscribe: boolean): string {
  return JSON.stringify({
    header: {
      approval_key: approvalKey,
      custtype: 'P',
      tr_type: subscribe ? '1' : '2',
      'content-type': 'utf-8',
    },
    body: { input: { tr_id: H0STCNT0, tr_key: code } },
  });
}
