/**
 * Reads the ledger's rejections so the UI can say them in the reader's language. The server
 * answers an invalid transaction with `error.data.field` and an English message
 * (server/portfolio/ledger-service.ts, ledger.ts, csv-values.ts, csv-import.ts); this module
 * recognises each message shape and extracts its values. A message it does not know is kept as
 * it is (`other`), so nothing is ever hidden. Pure: unit-tested against the server's own messages.
 */
import { errorField, trpcErrorCode } from '@/components/ui/trpc-error';

export type LedgerIssue =
  | { code: 'required' }
  | { code: 'notNumber'; value: string | null }
  | { code: 'negative' }
  | { code: 'zero' }
  | { code: 'tooLarge' }
  | { code: 'tooPrecise'; places: number }
  | { code: 'notDate'; value: string | null }
  | { code: 'future'; today: string }
  | { code: 'unknownSymbol'; symbol: string }
  | { code: 'index'; symbol: string }
  | { code: 'currencyMismatch'; symbol: string; currency: string }
  | { code: 'notType'; value: string | null }
  | { code: 'notCurrency'; value: string }
  | { code: 'unknownName'; name: string }
  | { code: 'unmapped' }
  | { code: 'oversell'; symbol: string; quantity: string; held: string }
  | { code: 'negativeCash'; currency: string; balance: string; date: string }
  | { code: 'neverHeld'; symbol: string }
  | { code: 'fileTooLarge' }
  | { code: 'fileEmpty' }
  | { code: 'fileInvalid' }
  | { code: 'tooManyRows'; limit: number }
  | { code: 'other'; message: string };

type Rule = [RegExp, (match: RegExpExecArray) => LedgerIssue];

// First match wins; most specific shapes first.
const rules: Rule[] = [
  [/^cannot remove (\S+) (\S+): only (\S+) held/, (m) => oversell(m)],
  [
    /^cash in (\w+) would be (-?[\d.]+) at the end of (\d{4}-\d{2}-\d{2})/,
    (m) => ({ code: 'negativeCash', currency: m[1]!, balance: m[2]!, date: m[3]! }),
  ],
  [/^(\S+) has never been held in this account/, (m) => ({ code: 'neverHeld', symbol: m[1]! })],
  [/is in the future \(today is (\d{4}-\d{2}-\d{2})/, (m) => ({ code: 'future', today: m[1]! })],
  [/^unknown instrument (\S+)/, (m) => ({ code: 'unknownSymbol', symbol: m[1]! })],
  [/^Invalid symbol "([^"]*)"/, (m) => ({ code: 'unknownSymbol', symbol: m[1]! })],
  [/^(\S+) is an index and cannot be held/, (m) => ({ code: 'index', symbol: m[1]! })],
  [
    /^(\S+) trades in (\w+), not \w+/,
    (m) => ({ code: 'currencyMismatch', symbol: m[1]!, currency: m[2]! }),
  ],
  [/^required for /, () => ({ code: 'required' })],
  [/^(is empty|no column mapped|\w+ is required)$/, (m) => emptyOrUnmapped(m[1]!)],
  [/^must not be negative$/, () => ({ code: 'negative' })],
  [/^must be greater than zero$/, () => ({ code: 'zero' })],
  [/^must be a decimal number$/, () => ({ code: 'notNumber', value: null })],
  [/^"(.*)" is not a number$/, (m) => ({ code: 'notNumber', value: m[1]! })],
  [/^is too large$/, () => ({ code: 'tooLarge' })],
  [/^has more than (\d+) decimal places$/, (m) => ({ code: 'tooPrecise', places: Number(m[1]) })],
  [/^"(.*)" is not a date/, (m) => ({ code: 'notDate', value: m[1]! })],
  [/^(\S+) is not a calendar date$/, (m) => ({ code: 'notDate', value: m[1]! })],
  [/^must be a (calendar )?date YYYY-MM-DD$/, () => ({ code: 'notDate', value: null })],
  [/^"(.*)" is not a transaction type/, (m) => ({ code: 'notType', value: m[1]! })],
  [/^"(.*)" is not a supported currency/, (m) => ({ code: 'notCurrency', value: m[1]! })],
  [/^no instrument named "(.*)"$/, (m) => ({ code: 'unknownName', name: m[1]! })],
  [/^The file is [\d.]+ MB; at most/, () => ({ code: 'fileTooLarge' })],
  [/^CSV_TOO_LARGE$/, () => ({ code: 'fileTooLarge' })],
  [/^The file is empty\.$/, () => ({ code: 'fileEmpty' })],
  [/^The file is not valid CSV/, () => ({ code: 'fileInvalid' })],
  [/^The file has \d+ rows; at most (\d+)/, (m) => ({ code: 'tooManyRows', limit: Number(m[1]) })],
];

function oversell(m: RegExpExecArray): LedgerIssue {
  return { code: 'oversell', quantity: m[1]!, symbol: m[2]!, held: m[3]! };
}

function emptyOrUnmapped(text: string): LedgerIssue {
  return text === 'no column mapped' ? { code: 'unmapped' } : { code: 'required' };
}

/** The issue a server message (without any "field: " / "Transaction …: " prefix) describes. */
export function issueOf(message: string): LedgerIssue {
  const text = message.trim();
  for (const [pattern, build] of rules) {
    const match = pattern.exec(text);
    if (match) return build(match);
  }
  return { code: 'other', message: text };
}

/** The transaction a replay error names: `Transaction <id> (<date> <type>[ <symbol>]): …`. */
export interface NamedTransaction {
  date: string;
  type: string;
  symbol: string | null;
}

export interface LedgerError {
  /** The input field it is about (`quantity`, `tradeDate`, `mapping.date` …), if any. */
  field: string | null;
  /** The CSV row (import commit), if any. */
  row: number | null;
  transaction: NamedTransaction | null;
  issue: LedgerIssue;
}

const ROW_PREFIX = /^Row (\d+): /;
const TRANSACTION_PREFIX = /^Transaction \S+ \((\d{4}-\d{2}-\d{2}) (\w+)(?: (\S+))?\): /;

/**
 * A tRPC error from a ledger mutation, read as a ledger problem; null for other failures (network,
 * session, not found …), which the generic error text describes better.
 */
export function ledgerErrorOf(error: unknown): LedgerError | null {
  if (trpcErrorCode(error) !== 'BAD_REQUEST') return null;
  let message =
    typeof error === 'object' && error !== null && 'message' in error
      ? String((error as { message: unknown }).message)
      : '';
  let field = errorField(error) ?? null;
  let row: number | null = null;
  let transaction: NamedTransaction | null = null;

  const rowMatch = ROW_PREFIX.exec(message);
  if (rowMatch) {
    row = Number(rowMatch[1]);
    message = message.slice(rowMatch[0].length);
  }
  const txMatch = TRANSACTION_PREFIX.exec(message);
  if (txMatch) {
    transaction = { date: txMatch[1]!, type: txMatch[2]!, symbol: txMatch[3] ?? null };
    message = message.slice(txMatch[0].length);
  }
  // Validation errors read "<field>: <message>" (ledger-service invalidDraft).
  if (field && message.startsWith(`${field}: `)) message = message.slice(field.length + 2);
  // A zod input error: its first issue text is what we can read.
  if (!field && !rowMatch && !txMatch) {
    const zod = zodFirstIssue(error);
    if (zod) {
      field = zod.field;
      message = zod.message;
    }
  }
  return { field, row, transaction, issue: issueOf(message) };
}

function zodFirstIssue(error: unknown): { field: string; message: string } | null {
  const data = (error as { data?: { zodError?: { fieldErrors?: Record<string, unknown> } } }).data;
  const fieldErrors = data?.zodError?.fieldErrors;
  if (!fieldErrors) return null;
  for (const [field, issues] of Object.entries(fieldErrors)) {
    if (Array.isArray(issues) && typeof issues[0] === 'string') {
      return { field, message: issues[0] };
    }
  }
  return null;
}
