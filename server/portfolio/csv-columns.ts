/**
 * Column vocabulary of transaction CSVs: which header names (English and the Korean ones
 * brokerages use) feed which field, and the columns our export writes — the export's headers are
 * the field names themselves, so an exported file imports again with no mapping changes.
 */
import type { ImportField, ImportMapping } from './schemas';

/** Header → field, compared after `headerKey` (case, spaces, punctuation ignored). */
const synonyms: Record<ImportField, readonly string[]> = {
  date: [
    'date',
    'tradedate',
    'transactiondate',
    'settlementdate',
    '날짜',
    '일자',
    '거래일',
    '거래일자',
    '체결일',
    '체결일자',
    '매매일',
    '매매일자',
  ],
  type: [
    'type',
    'action',
    'side',
    'transactiontype',
    'activity',
    '구분',
    '거래구분',
    '매매구분',
    '거래유형',
    '거래종류',
    '유형',
    '적요',
  ],
  symbol: ['symbol', 'ticker', 'code', 'stockcode', '종목코드', '코드', '종목번호', '단축코드'],
  name: ['name', 'stockname', 'security', 'description', '종목명', '종목'],
  quantity: ['quantity', 'qty', 'shares', 'units', '수량', '거래수량', '체결수량', '주수'],
  price: ['price', 'unitprice', 'tradeprice', '단가', '체결단가', '거래단가', '가격', '체결가'],
  amount: ['amount', 'total', 'value', '금액', '거래금액', '입출금액', '배당금', '정산금액'],
  fees: ['fees', 'fee', 'commission', 'commissions', '수수료', '거래수수료'],
  taxes: ['taxes', 'tax', 'withholdingtax', '세금', '제세금', '거래세', '세액'],
  currency: ['currency', 'ccy', '통화', '통화코드', '결제통화'],
  splitRatio: ['splitratio', 'ratio', '분할비율'],
  costPrice: ['costprice', 'cost', '취득단가', '매입단가'],
  note: ['note', 'notes', 'memo', 'comment', '메모', '비고'],
};

export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./()[\]*:]+/g, '');
}

const fieldByKey = new Map<string, ImportField>(
  (Object.entries(synonyms) as [ImportField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [name, field] as const),
  ),
);

/** The mapping a file's headers suggest; the first matching column wins a field. */
export function detectMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  for (const header of headers) {
    const field = fieldByKey.get(headerKey(header));
    if (field && mapping[field] === undefined) mapping[field] = header;
  }
  return mapping;
}

/** Columns of the CSV export, in order; `account` is informational and not imported. */
export const exportColumns = [
  'account',
  'date',
  'type',
  'symbol',
  'quantity',
  'price',
  'amount',
  'fees',
  'taxes',
  'currency',
  'splitRatio',
  'costPrice',
  'note',
] as const;
