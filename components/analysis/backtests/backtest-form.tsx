'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import {
  defaultParamValues,
  parseParamValues,
  StrategyParamFields,
  type ParamValues,
} from './strategy-param-fields';
import { useStrategyName } from './strategy-name';
import { SymbolField, type ChosenSymbol } from './symbol-field';

type SizingMode = 'all-in' | 'fixed-qty' | 'fixed-cash' | 'fraction';

/** Korean securities transaction tax (KOSPI incl. the rural special tax), editable. */
const DEFAULT_KRX_SELL_TAX_PERCENT = '0.18';
const DEFAULT_CASH: Record<string, string> = { KRW: '10000000', USD: '10000' };

const fieldset = 'flex flex-col gap-3 border-t border-border pt-4';
const legend = 'mb-1 text-sm font-semibold';

function optionalNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** Everything a backtest needs; on success hands the queued run's id to the page. */
export function BacktestForm({ onStarted }: { onStarted: (runId: string) => void }) {
  const t = useTranslations('analysis');
  const tf = useTranslations('analysis.backtests.form');
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const strategyName = useStrategyName();
  const locale = useLocale();
  const strategies = useQuery(
    trpc.indicators.strategies.queryOptions(undefined, { staleTime: Infinity }),
  );

  const [symbol, setSymbol] = useState<ChosenSymbol | null>(null);
  const [strategyId, setStrategyId] = useState('sma-cross');
  const strategy = strategies.data?.find((s) => s.id === strategyId);
  const [paramValues, setParamValues] = useState<ParamValues | null>(null);
  const params = paramValues ?? defaultParamValues(strategy);
  const [cash, setCash] = useState('');
  const [commission, setCommission] = useState('0.015');
  const [slippage, setSlippage] = useState('5');
  const [sellTax, setSellTax] = useState(false);
  const [sellTaxRate, setSellTaxRate] = useState(DEFAULT_KRX_SELL_TAX_PERCENT);
  const [fill, setFill] = useState<'next-open' | 'close'>('next-open');
  const [sizingMode, setSizingMode] = useState<SizingMode>('all-in');
  const [sizingValue, setSizingValue] = useState('');
  const [allowShort, setAllowShort] = useState(false);
  const [stopLoss, setStopLoss] = useState('');
  const [takeProfit, setTakeProfit] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [symbolMissing, setSymbolMissing] = useState(false);
  const [invalidParam, setInvalidParam] = useState<string | null>(null);

  const currency = symbol?.currency ?? 'KRW';
  const cashText = cash || DEFAULT_CASH[currency] || '10000';

  const start = useMutation(
    trpc.indicators.backtest.mutationOptions({ onSuccess: ({ runId }) => onStarted(runId) }),
  );

  function chooseSymbol(next: ChosenSymbol) {
    setSymbol(next);
    setSymbolMissing(false);
    // KRX sells pay the transaction tax; US sells do not.
    setSellTax(next.currency === 'KRW');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!symbol) {
      setSymbolMissing(true);
      return;
    }
    if (!strategy) return;
    const parsed = parseParamValues(strategy, params);
    setInvalidParam(parsed.invalid);
    if (parsed.invalid) return;
    const sizingNumber = Number(sizingValue);
    const sizing =
      sizingMode === 'fixed-qty'
        ? { mode: sizingMode, quantity: sizingNumber }
        : sizingMode === 'fixed-cash'
          ? { mode: sizingMode, amount: sizingNumber }
          : sizingMode === 'fraction'
            ? { mode: sizingMode, fraction: sizingNumber / 100 }
            : { mode: sizingMode };
    const stop = optionalNumber(stopLoss);
    const take = optionalNumber(takeProfit);
    start.mutate({
      symbol: symbol.symbol,
      strategy: strategy.id,
      params: parsed.params,
      initialCash: Number(cashText),
      commissionRate: Number(commission) / 100,
      slippageBps: Number(slippage),
      sellTaxRate: sellTax ? Number(sellTaxRate) / 100 : 0,
      fill,
      sizing: sizing as never,
      allowShort,
      stopLoss: stop === undefined ? undefined : stop / 100,
      takeProfit: take === undefined ? undefined : take / 100,
      from: from || undefined,
      to: to || undefined,
    });
  }

  const serverMessage = start.error?.message ?? null;

  return (
    <Card aria-labelledby="backtest-form-title">
      <CardHeader titleId="backtest-form-title" title={tf('title')} />
      <CardBody>
        <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label={tf('title')}>
          <SymbolField
            value={symbol}
            onChange={chooseSymbol}
            error={symbolMissing ? tf('symbolRequired') : null}
          />
          {strategies.isPending ? (
            <Skeleton className="h-24 w-full" />
          ) : strategies.isError ? (
            <Alert>
              {describeError(strategies.error)}{' '}
              <Button variant="secondary" size="sm" onClick={() => void strategies.refetch()}>
                {t('backtests.result.retry')}
              </Button>
            </Alert>
          ) : (
            <>
              <SelectField
                label={tf('strategy')}
                name="strategy"
                value={strategyId}
                onChange={(event) => {
                  setStrategyId(event.target.value);
                  setParamValues(null);
                  setInvalidParam(null);
                }}
                // The registry describes strategies in English only.
                hint={locale.startsWith('ko') ? undefined : strategy?.description}
              >
                {strategies.data.map((s) => (
                  <option key={s.id} value={s.id}>
                    {strategyName(s.id, s.name)}
                  </option>
                ))}
              </SelectField>
              {strategy && strategy.params.length > 0 ? (
                <fieldset className={fieldset}>
                  <legend className={legend}>{tf('parameters')}</legend>
                  <StrategyParamFields
                    strategy={strategy}
                    values={params}
                    onChange={setParamValues}
                    invalid={invalidParam}
                    serverError={serverMessage}
                  />
                </fieldset>
              ) : null}
            </>
          )}

          <fieldset className={fieldset}>
            <legend className={legend}>{tf('costs')}</legend>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
              <TextField
                label={tf('initialCash', { currency })}
                name="initialCash"
                type="number"
                min={1}
                inputMode="decimal"
                value={cashText}
                onChange={(event) => setCash(event.target.value)}
              />
              <TextField
                label={tf('commission')}
                name="commission"
                type="number"
                min={0}
                step="any"
                value={commission}
                onChange={(event) => setCommission(event.target.value)}
                hint={tf('commissionHint')}
              />
              <TextField
                label={tf('slippage')}
                name="slippage"
                type="number"
                min={0}
                step="any"
                value={slippage}
                onChange={(event) => setSlippage(event.target.value)}
                hint={tf('slippageHint')}
              />
            </div>
            <div className="flex flex-wrap items-end gap-3">
              <label className="flex min-h-10 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="sellTax"
                  checked={sellTax}
                  onChange={(event) => setSellTax(event.target.checked)}
                  className="size-4 accent-[var(--color-accent)]"
                />
                {tf('sellTax')}
              </label>
              {sellTax ? (
                <TextField
                  label={tf('sellTaxRate')}
                  name="sellTaxRate"
                  type="number"
                  min={0}
                  step="any"
                  value={sellTaxRate}
                  onChange={(event) => setSellTaxRate(event.target.value)}
                  hint={tf('sellTaxHint')}
                  containerClassName="w-full sm:w-56"
                />
              ) : null}
            </div>
          </fieldset>

          <fieldset className={fieldset}>
            <legend className={legend}>{tf('execution')}</legend>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <SelectField
                label={tf('fill')}
                name="fill"
                value={fill}
                onChange={(event) => setFill(event.target.value as 'next-open' | 'close')}
              >
                <option value="next-open">{tf('fillNextOpen')}</option>
                <option value="close">{tf('fillClose')}</option>
              </SelectField>
              <SelectField
                label={tf('direction')}
                name="direction"
                value={allowShort ? 'long-short' : 'long'}
                onChange={(event) => setAllowShort(event.target.value === 'long-short')}
              >
                <option value="long">{tf('longOnly')}</option>
                <option value="long-short">{tf('longShort')}</option>
              </SelectField>
              <SelectField
                label={tf('sizing')}
                name="sizing"
                value={sizingMode}
                onChange={(event) => {
                  const mode = event.target.value as SizingMode;
                  setSizingMode(mode);
                  setSizingValue(mode === 'fraction' ? '50' : mode === 'fixed-qty' ? '10' : '');
                }}
              >
                <option value="all-in">{tf('sizingAllIn')}</option>
                <option value="fixed-qty">{tf('sizingFixedQty')}</option>
                <option value="fixed-cash">{tf('sizingFixedCash')}</option>
                <option value="fraction">{tf('sizingFraction')}</option>
              </SelectField>
              {sizingMode !== 'all-in' ? (
                <TextField
                  label={
                    sizingMode === 'fixed-qty'
                      ? tf('quantity')
                      : sizingMode === 'fixed-cash'
                        ? tf('amount', { currency })
                        : tf('fraction')
                  }
                  name="sizingValue"
                  type="number"
                  min={0}
                  step="any"
                  value={sizingValue}
                  onChange={(event) => setSizingValue(event.target.value)}
                />
              ) : null}
              <TextField
                label={tf('stopLoss')}
                name="stopLoss"
                type="number"
                min={0}
                step="any"
                placeholder={tf('optional')}
                value={stopLoss}
                onChange={(event) => setStopLoss(event.target.value)}
              />
              <TextField
                label={tf('takeProfit')}
                name="takeProfit"
                type="number"
                min={0}
                step="any"
                placeholder={tf('optional')}
                value={takeProfit}
                onChange={(event) => setTakeProfit(event.target.value)}
              />
              <TextField
                label={tf('from')}
                name="from"
                type="date"
                value={from}
                onChange={(event) => setFrom(event.target.value)}
                hint={tf('rangeHint')}
              />
              <TextField
                label={tf('to')}
                name="to"
                type="date"
                value={to}
                onChange={(event) => setTo(event.target.value)}
              />
            </div>
          </fieldset>

          {start.isError ? (
            <Alert>
              {tf('failed')} {describeError(start.error)}
              {serverMessage ? <span className="mt-1 block text-xs">{serverMessage}</span> : null}
            </Alert>
          ) : null}
          <Button type="submit" pending={start.isPending} disabled={!strategy}>
            {start.isPending ? tf('submitting') : tf('submit')}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
