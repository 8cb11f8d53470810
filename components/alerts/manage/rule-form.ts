import type { StrategyInfo } from '@/components/analysis/types';
import { fieldIssues, trpcErrorCode } from '@/components/ui/trpc-error';
import { DEFAULT_COOLDOWN_MINUTES, MAX_COOLDOWN_MINUTES, parseCooldown } from './cooldown';
import {
  KIND_PARAMS,
  defaultSeverity,
  hasFastSlow,
  kindScope,
  type ConditionKind,
  type NumberParam,
} from './rule-kinds';
import type { AlertRule, RuleConditionInput, RuleCreateInput, Severity } from './types';

/**
 * The rule dialog's state and its translation into `alerts.rules.create/update` input. Every
 * value is kept as the text the user typed; numbers are parsed (and bounded as the server will)
 * only when the form is submitted.
 */
export type RuleForm = {
  kind: ConditionKind;
  symbol: string | null;
  /** One entry per parameter of the kind (see KIND_PARAMS), the price included. */
  params: Record<string, string>;
  /** strategy-signal only: the strategy id and its parameters. */
  strategy: string;
  strategyParams: Record<string, string>;
  severity: Severity;
  cooldown: string;
  enabled: boolean;
};

/** Why a field cannot be sent; the dialog words it in the reader's language. */
export type FieldProblem =
  | { key: 'required' }
  | { key: 'number' }
  | { key: 'wholeNumber' }
  | { key: 'range'; min: number; max: number }
  | { key: 'aboveRange'; min: number; max: number }
  | { key: 'price' }
  | { key: 'fastBeforeSlow' }
  | { key: 'symbolRequired' }
  | { key: 'strategyRequired' }
  | { key: 'cooldown'; max: number }
  /** A server message with no better wording here (shown as the server wrote it). */
  | { key: 'server'; message: string };

/**
 * Field names: a parameter's own name (`price`, `percent`, …), `symbol`, `strategy`,
 * `strategyParams`, `severity`, `cooldown`; `form` for what belongs to no single field.
 */
export type RuleProblems = Record<string, FieldProblem>;

export function defaultParams(kind: ConditionKind): Record<string, string> {
  return Object.fromEntries(
    KIND_PARAMS[kind].map((spec) => [spec.name, spec.type === 'price' ? '' : String(spec.default)]),
  );
}

export function newRuleForm(kind: ConditionKind = 'price-above'): RuleForm {
  return {
    kind,
    symbol: null,
    params: defaultParams(kind),
    strategy: '',
    strategyParams: {},
    severity: defaultSeverity(kind),
    cooldown: String(DEFAULT_COOLDOWN_MINUTES),
    enabled: true,
  };
}

/** Another kind: its own defaults, keeping the stock and a price already typed. */
export function withKind(form: RuleForm, kind: ConditionKind): RuleForm {
  const params = defaultParams(kind);
  if ('price' in params && form.params.price) params.price = form.params.price;
  return { ...form, kind, params };
}

/** The form for editing a saved rule, every value as it is stored. */
export function ruleFormFromRule(rule: AlertRule): RuleForm {
  const condition = rule.condition as Record<string, unknown> & { kind: ConditionKind };
  const params = defaultParams(condition.kind);
  for (const name of Object.keys(params)) {
    const value = condition[name];
    if (value !== undefined && value !== null) params[name] = String(value);
  }
  const strategyParams =
    condition.kind === 'strategy-signal' && condition.params
      ? Object.fromEntries(
          Object.entries(condition.params as Record<string, number>).map(([k, v]) => [
            k,
            String(v),
          ]),
        )
      : {};
  return {
    kind: condition.kind,
    symbol: rule.symbol,
    params,
    strategy: condition.kind === 'strategy-signal' ? String(condition.strategy) : '',
    strategyParams,
    severity: rule.severity,
    cooldown: String(rule.cooldownMinutes),
    enabled: rule.enabled,
  };
}

const PRICE = /^\d{1,15}(\.\d{1,8})?$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A positive decimal string as the server wants it; thousands separators are dropped. */
function parsePrice(text: string): string | FieldProblem {
  const plain = text.trim().replace(/,/g, '');
  if (plain === '') return { key: 'required' };
  if (!PRICE.test(plain) || !/[1-9]/.test(plain)) return { key: 'price' };
  return plain;
}

function parseNumber(text: string, spec: NumberParam): number | FieldProblem {
  const plain = text.trim().replace(/,/g, '');
  if (plain === '') return { key: 'required' };
  if (!NUMBER.test(plain)) return { key: 'number' };
  const value = Number(plain);
  if (spec.integer && !Number.isInteger(value)) return { key: 'wholeNumber' };
  const belowMin = spec.exclusiveMin ? value <= spec.min : value < spec.min;
  if (belowMin || value > spec.max) {
    return { key: spec.exclusiveMin ? 'aboveRange' : 'range', min: spec.min, max: spec.max };
  }
  return value;
}

const isProblem = (value: unknown): value is FieldProblem =>
  typeof value === 'object' && value !== null && 'key' in value;

/** Strategy parameters within the engine's published bounds. */
function parseStrategyParams(
  strategy: StrategyInfo,
  values: Record<string, string>,
): { params: Record<string, number>; invalid: string | null } {
  const params: Record<string, number> = {};
  for (const spec of strategy.params) {
    const text = values[spec.name]?.trim() ?? '';
    const value = text === '' ? spec.default : Number(text);
    const whole = spec.type !== 'int' || Number.isInteger(value);
    if (!Number.isFinite(value) || value < spec.min || value > spec.max || !whole) {
      return { params, invalid: spec.name };
    }
    params[spec.name] = value;
  }
  return { params, invalid: null };
}

export type RuleFormResult =
  | { ok: true; input: RuleCreateInput }
  | { ok: false; problems: RuleProblems; invalidStrategyParam: string | null };

/**
 * The create (or update) input, or every problem found. `strategy` is the chosen strategy's
 * description from `indicators.strategies` (strategy-signal rules only).
 */
export function ruleInputFromForm(form: RuleForm, strategy?: StrategyInfo): RuleFormResult {
  const problems: RuleProblems = {};
  let invalidStrategyParam: string | null = null;
  const condition: Record<string, unknown> = { kind: form.kind };

  for (const spec of KIND_PARAMS[form.kind]) {
    const text = form.params[spec.name] ?? '';
    if (spec.type === 'choice') {
      condition[spec.name] = spec.options.includes(text) ? text : spec.default;
      continue;
    }
    const value = spec.type === 'price' ? parsePrice(text) : parseNumber(text, spec);
    if (isProblem(value)) problems[spec.name] = value;
    else condition[spec.name] = value;
  }
  if (
    hasFastSlow(form.kind) &&
    typeof condition.fast === 'number' &&
    typeof condition.slow === 'number' &&
    condition.fast >= condition.slow
  ) {
    problems.fast = { key: 'fastBeforeSlow' };
  }

  if (form.kind === 'strategy-signal') {
    if (!strategy || strategy.id !== form.strategy) {
      problems.strategy = { key: 'strategyRequired' };
    } else {
      condition.strategy = strategy.id;
      const parsed = parseStrategyParams(strategy, form.strategyParams);
      if (parsed.invalid) invalidStrategyParam = parsed.invalid;
      else if (strategy.params.length > 0) condition.params = parsed.params;
    }
  }

  const needsSymbol = kindScope(form.kind) === 'symbol';
  if (needsSymbol && !form.symbol) problems.symbol = { key: 'symbolRequired' };

  const cooldownMinutes = parseCooldown(form.cooldown);
  if (cooldownMinutes === null) problems.cooldown = { key: 'cooldown', max: MAX_COOLDOWN_MINUTES };

  if (
    Object.keys(problems).length > 0 ||
    invalidStrategyParam !== null ||
    cooldownMinutes === null
  ) {
    return { ok: false, problems, invalidStrategyParam };
  }
  return {
    ok: true,
    input: {
      condition: condition as RuleConditionInput,
      symbol: needsSymbol ? form.symbol : null,
      severity: form.severity,
      cooldownMinutes,
      enabled: form.enabled,
    },
  };
}

/** The field a server message about the condition is about ("percent must be …" → percent). */
function conditionField(message: string, kind: ConditionKind): string {
  if (/^unknown strategy/i.test(message)) return 'strategy';
  const subject = /^(\w+) must\b/.exec(message)?.[1];
  if (subject && KIND_PARAMS[kind].some((spec) => spec.name === subject)) return subject;
  return kind === 'strategy-signal' ? 'strategyParams' : 'form';
}

/** A server message about a known parameter, worded like the form's own checks. */
function conditionProblem(message: string, field: string, kind: ConditionKind): FieldProblem {
  const spec = KIND_PARAMS[kind].find((s) => s.name === field);
  if (/less than slow/.test(message)) return { key: 'fastBeforeSlow' };
  if (spec?.type === 'price') return { key: 'price' };
  if (spec?.type === 'number') {
    if (/whole number/.test(message)) return { key: 'wholeNumber' };
    return { key: spec.exclusiveMin ? 'aboveRange' : 'range', min: spec.min, max: spec.max };
  }
  return { key: 'server', message };
}

/**
 * The server's objections, per form field: zod issues of the input (`condition` issues are
 * matched to the parameter they name) and the rule service's own checks (the stock).
 */
export function ruleServerProblems(error: unknown, kind: ConditionKind): RuleProblems {
  const problems: RuleProblems = {};
  for (const [field, messages] of Object.entries(fieldIssues(error))) {
    const message = messages[0] ?? '';
    if (field === 'condition') {
      const target = conditionField(message, kind);
      problems[target] = conditionProblem(message, target, kind);
    } else if (field === 'cooldownMinutes') {
      problems.cooldown = { key: 'cooldown', max: MAX_COOLDOWN_MINUTES };
    } else if (field === 'symbol') {
      problems.symbol = { key: 'symbolRequired' };
    } else {
      problems[field === 'severity' ? 'severity' : 'form'] = { key: 'server', message };
    }
  }
  const text = error instanceof Error ? error.message : '';
  const code = trpcErrorCode(error);
  if (Object.keys(problems).length === 0 && (code === 'BAD_REQUEST' || code === 'NOT_FOUND')) {
    // "This rule needs a stock symbol." / "Unknown symbol '…'." from the rules service.
    if (/symbol/i.test(text)) problems.symbol = { key: 'symbolRequired' };
  }
  return problems;
}

/** JSON with keys sorted, so two conditions compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The update for a saved rule. The condition and stock are sent only when they changed: the
 * server starts a changed condition over (its crossing state is dropped), which a new severity
 * or cooldown should not do.
 */
export function ruleUpdateInput(rule: AlertRule, input: RuleCreateInput) {
  const conditionChanged =
    canonical(input.condition) !== canonical(rule.condition) ||
    (input.symbol ?? null) !== rule.symbol;
  return {
    id: rule.id,
    severity: input.severity,
    cooldownMinutes: input.cooldownMinutes,
    enabled: input.enabled,
    ...(conditionChanged ? { condition: input.condition, symbol: input.symbol } : {}),
  };
}
