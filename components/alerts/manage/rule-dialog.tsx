'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import {
  StrategyParamFields,
  defaultParamValues,
} from '@/components/analysis/backtests/strategy-param-fields';
import { useStrategyName } from '@/components/analysis/backtests/strategy-name';
import { SymbolField, type ChosenSymbol } from '@/components/analysis/backtests/symbol-field';
import { useTRPC } from '@/components/providers/trpc-provider';
import { priceFormatOptions } from '@/components/stocks/price-format';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { CooldownField } from './cooldown-field';
import {
  newRuleForm,
  ruleFormFromRule,
  ruleInputFromForm,
  ruleServerProblems,
  ruleUpdateInput,
  withKind,
  type RuleForm,
  type RuleProblems,
} from './rule-form';
import { KIND_GROUPS, isConditionKind, kindScope } from './rule-kinds';
import { RuleParamFields } from './rule-param-fields';
import { ToggleSwitch } from './toggle-switch';
import { SEVERITIES, type AlertRule } from './types';
import { useKindName, useProblemText } from './use-rule-text';

export type RuleDialogTarget = { mode: 'create' } | { mode: 'edit'; rule: AlertRule } | null;

/** Create or edit a rule; the same form for both. */
export function RuleDialog({ target, onClose }: { target: RuleDialogTarget; onClose: () => void }) {
  const t = useTranslations('alertsPage.ruleForm');
  const rule = target?.mode === 'edit' ? target.rule : null;
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      title={rule ? t('editTitle') : t('createTitle')}
      description={t('description')}
      className="max-h-[calc(100dvh-2rem)] max-w-xl overflow-y-auto"
    >
      {target ? <RuleFormBody key={rule?.id ?? 'new'} rule={rule} onClose={onClose} /> : null}
    </Dialog>
  );
}

function RuleFormBody({ rule, onClose }: { rule: AlertRule | null; onClose: () => void }) {
  const t = useTranslations('alertsPage');
  const tRules = useTranslations('alertRules');
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const problemText = useProblemText();
  const kindName = useKindName();
  const strategyName = useStrategyName();
  const [form, setForm] = useState<RuleForm>(() => (rule ? ruleFormFromRule(rule) : newRuleForm()));
  const [picked, setPicked] = useState<ChosenSymbol | null>(null);
  // Until the user types a price, it follows the chosen stock's current quote.
  const [priceTouched, setPriceTouched] = useState(rule !== null);
  const [problems, setProblems] = useState<RuleProblems>({});
  const [invalidStrategyParam, setInvalidStrategyParam] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(trpc.alerts.rules.create.mutationOptions());
  const update = useMutation(trpc.alerts.rules.update.mutationOptions());

  const builtin = rule?.builtinKey != null;
  const scope = kindScope(form.kind);
  const isPriceKind = form.kind === 'price-above' || form.kind === 'price-below';
  const detail = useQuery(
    trpc.stocks.get.queryOptions(
      { symbol: form.symbol ?? '' },
      { enabled: scope === 'symbol' && form.symbol !== null },
    ),
  );
  const strategies = useQuery(
    trpc.indicators.strategies.queryOptions(undefined, {
      enabled: form.kind === 'strategy-signal',
    }),
  );
  const strategy = strategies.data?.find((s) => s.id === form.strategy);
  const instrument = detail.data?.instrument;
  const quote = detail.data?.quote ?? null;
  const currency = picked?.currency ?? instrument?.currency ?? null;
  const priceValue =
    !priceTouched && quote !== null && form.symbol !== null
      ? String(quote.price)
      : (form.params.price ?? '');

  const chosen: ChosenSymbol | null =
    picked ??
    (form.symbol
      ? {
          symbol: form.symbol,
          name:
            (instrument && ((locale === 'ko' && instrument.nameKo) || instrument.nameEn)) ||
            form.symbol,
          currency: instrument?.currency ?? '',
        }
      : null);

  const patch = (next: Partial<RuleForm>) => setForm((current) => ({ ...current, ...next }));
  const setParam = (name: string, value: string) =>
    setForm((current) => ({ ...current, params: { ...current.params, [name]: value } }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const effective = isPriceKind
      ? { ...form, params: { ...form.params, price: priceValue } }
      : form;
    const result = ruleInputFromForm(effective, strategy);
    if (!result.ok) {
      setProblems(result.problems);
      setInvalidStrategyParam(result.invalidStrategyParam);
      return;
    }
    setProblems({});
    setInvalidStrategyParam(null);
    try {
      if (rule) await update.mutateAsync(ruleUpdateInput(rule, result.input));
      else await create.mutateAsync(result.input);
      await queryClient.invalidateQueries(trpc.alerts.rules.list.queryFilter());
      onClose();
    } catch (error) {
      const server = ruleServerProblems(error, form.kind);
      setProblems(server);
      setFormError(server.form ? problemText(server.form) : describeError(error));
    }
  }

  const pending = create.isPending || update.isPending;
  const priceField = (
    <TextField
      label={currency ? t('ruleForm.priceIn', { currency }) : t('ruleForm.price')}
      name="price"
      inputMode="decimal"
      autoComplete="off"
      value={priceValue}
      onChange={(event) => {
        setPriceTouched(true);
        setParam('price', event.target.value);
      }}
      hint={
        quote && currency
          ? t('ruleForm.currentPrice', {
              price: format.number(
                quote.price,
                priceFormatOptions(currency, instrument?.kind === 'index' ? 'index' : 'stock'),
              ),
            })
          : undefined
      }
      error={problemText(problems.price)}
    />
  );

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {formError ? <Alert>{formError}</Alert> : null}
      <SelectField
        label={t('ruleForm.kind')}
        name="kind"
        value={form.kind}
        disabled={builtin}
        hint={builtin ? t('ruleForm.builtinKind') : undefined}
        onChange={(event) => {
          const kind = event.target.value;
          if (!isConditionKind(kind)) return;
          setForm((current) => withKind(current, kind));
          setProblems({});
        }}
      >
        {KIND_GROUPS.map(({ group, kinds }) => (
          <optgroup key={group} label={t(`ruleForm.groups.${group}`)}>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindName(kind)}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>

      {scope === 'symbol' ? (
        rule?.symbol && !picked && detail.isPending ? (
          <div className="flex flex-col gap-1.5" aria-hidden="true">
            <Skeleton className="h-4 w-16" />
            <Skeleton className="h-10 w-full" />
          </div>
        ) : (
          <SymbolField
            value={chosen}
            onChange={(next) => {
              setPicked(next);
              patch({ symbol: next.symbol });
            }}
            error={problemText(problems.symbol)}
          />
        )
      ) : (
        <p className="rounded-lg bg-surface-muted px-3 py-2 text-sm text-muted">
          {scope === 'holding' ? t('ruleForm.holdingScope') : t('ruleForm.portfolioScope')}
        </p>
      )}

      {form.kind === 'strategy-signal' ? (
        <SelectField
          label={t('ruleForm.strategy')}
          name="strategy"
          value={form.strategy}
          disabled={!strategies.data}
          onChange={(event) => {
            const next = strategies.data?.find((s) => s.id === event.target.value);
            patch({ strategy: event.target.value, strategyParams: defaultParamValues(next) });
          }}
          error={
            strategies.isError ? t('ruleForm.strategiesFailed') : problemText(problems.strategy)
          }
        >
          <option value="">{t('ruleForm.chooseStrategy')}</option>
          {(strategies.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {strategyName(s.id, s.name)}
            </option>
          ))}
        </SelectField>
      ) : null}

      <RuleParamFields
        kind={form.kind}
        values={form.params}
        onChange={setParam}
        problems={problems}
        priceField={priceField}
      />

      {form.kind === 'strategy-signal' && strategy && strategy.params.length > 0 ? (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-sm font-medium">{t('ruleForm.strategyParams')}</legend>
          <StrategyParamFields
            strategy={strategy}
            values={{ ...defaultParamValues(strategy), ...form.strategyParams }}
            onChange={(values) => patch({ strategyParams: values })}
            invalid={invalidStrategyParam}
            serverError={problemText(problems.strategyParams)}
          />
        </fieldset>
      ) : null}

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          label={t('ruleForm.severity')}
          name="severity"
          value={form.severity}
          onChange={(event) => patch({ severity: event.target.value as RuleForm['severity'] })}
          hint={t('ruleForm.severityHint')}
          error={problemText(problems.severity)}
        >
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {tRules(`severities.${severity}`)}
            </option>
          ))}
        </SelectField>
        <CooldownField
          value={form.cooldown}
          onChange={(cooldown) => patch({ cooldown })}
          error={problemText(problems.cooldown)}
        />
      </div>

      <ToggleSwitch
        checked={form.enabled}
        onChange={(enabled) => patch({ enabled })}
        label={t('ruleForm.enabled')}
      />

      <div className="flex justify-end gap-2 border-t border-border pt-4">
        <Button variant="secondary" onClick={onClose}>
          {t('cancel')}
        </Button>
        <Button type="submit" pending={pending}>
          {pending ? t('saving') : rule ? t('ruleForm.save') : t('ruleForm.create')}
        </Button>
      </div>
    </form>
  );
}
