'use client';

import { useState } from 'react';
import { AddHoldingDone, type SavedHolding } from './add-holding-done';
import { HoldingForm } from './holding-form';
import { StockPicker } from './stock-picker';

type Step =
  { kind: 'pick' } | { kind: 'details'; symbol: string } | { kind: 'done'; saved: SavedHolding };

/** search a stock (unless given) → account, quantity, price, date → saved, with what happens next. */
export function AddHoldingFlow({
  presetSymbol,
  presetAccountId,
  onClose,
}: {
  presetSymbol?: string;
  presetAccountId?: string;
  onClose: () => void;
}) {
  const start: Step = presetSymbol ? { kind: 'details', symbol: presetSymbol } : { kind: 'pick' };
  const [step, setStep] = useState<Step>(start);

  switch (step.kind) {
    case 'pick':
      return <StockPicker onPick={(match) => setStep({ kind: 'details', symbol: match.symbol })} />;
    case 'details':
      return (
        <HoldingForm
          symbol={step.symbol}
          presetAccountId={presetAccountId}
          onBack={presetSymbol ? undefined : () => setStep({ kind: 'pick' })}
          onCancel={onClose}
          onSaved={(saved) => setStep({ kind: 'done', saved })}
        />
      );
    case 'done':
      return (
        <AddHoldingDone
          saved={step.saved}
          onStockPage={presetSymbol !== undefined}
          onAnother={() => setStep(start)}
          onClose={onClose}
        />
      );
  }
}
