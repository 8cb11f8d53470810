import { describe, expect, it } from 'vitest';
import {
  ALL_KINDS,
  KIND_GROUPS,
  KIND_PARAMS,
  kindKey,
  kindScope,
} from '@/components/alerts/manage/rule-kinds';
import { defaultParams } from '@/components/alerts/manage/rule-form';
import { messagesFor } from '@/i18n/messages';
import { conditionKinds, conditionScope, ruleConditionSchema } from '@/server/alerts/rules';

const en = messagesFor('en');

describe('the rule form’s kinds', () => {
  it('offers every condition kind of the engine exactly once, with its scope', () => {
    expect([...ALL_KINDS].sort()).toEqual([...conditionKinds].sort());
    for (const kind of conditionKinds) expect(kindScope(kind)).toBe(conditionScope(kind));
    // Symbol kinds sit in the stock groups; holding and portfolio kinds in their own.
    const groupOf = (kind: string) => KIND_GROUPS.find((g) => g.kinds.includes(kind as never));
    expect(groupOf('holding-return-below')?.group).toBe('holdings');
    expect(groupOf('portfolio-return-above')?.group).toBe('portfolio');
    expect(groupOf('bollinger-break')?.group).toBe('indicators');
    expect(groupOf('strategy-signal')?.group).toBe('strategies');
  });

  it('names every kind and parameter from the alertRules catalogue', () => {
    for (const kind of conditionKinds) expect(en.alertRules.kinds[kindKey(kind)]).toBeTruthy();
    for (const specs of Object.values(KIND_PARAMS)) {
      for (const spec of specs) {
        expect(en.alertRules.params).toHaveProperty(spec.name);
        if (spec.type === 'choice') {
          for (const option of spec.options) {
            expect(en.alertRules[spec.labels]).toHaveProperty(option);
          }
        }
      }
    }
  });

  it('prefills the schema’s own defaults and values the schema accepts', () => {
    for (const kind of conditionKinds) {
      if (kind === 'strategy-signal') continue;
      const values = defaultParams(kind);
      const condition: Record<string, unknown> = { kind };
      for (const spec of KIND_PARAMS[kind]) {
        if (spec.type === 'price') condition.price = '100';
        else if (spec.type === 'choice') condition[spec.name] = values[spec.name];
        else condition[spec.name] = Number(values[spec.name]);
      }
      const parsed = ruleConditionSchema.safeParse(condition);
      expect(parsed.success, kind).toBe(true);

      // Where the schema has a default, ours is the same: parse with only the required ones.
      const required = Object.fromEntries(
        Object.entries(condition).filter(([name]) => {
          const probe = { ...condition };
          delete probe[name];
          return !ruleConditionSchema.safeParse(probe).success || name === 'kind';
        }),
      );
      expect(ruleConditionSchema.parse(required), kind).toEqual(parsed.data);
    }
  });

  it('states the bounds the schema enforces', () => {
    const accepts = (condition: Record<string, unknown>) =>
      ruleConditionSchema.safeParse(condition).success;
    for (const kind of conditionKinds) {
      for (const spec of KIND_PARAMS[kind]) {
        if (spec.type !== 'number') continue;
        const base = Object.fromEntries(
          KIND_PARAMS[kind].map((s) => [
            s.name,
            s.type === 'number' ? s.default : s.type === 'price' ? '100' : s.default,
          ]),
        );
        const at = (value: number) => accepts({ kind, ...base, [spec.name]: value });
        // Other parameters may make an extreme value invalid (fast < slow): test one side each.
        if (spec.name !== 'fast') expect(at(spec.max), `${kind}.${spec.name} max`).toBe(true);
        expect(at(spec.max + 1), `${kind}.${spec.name} above max`).toBe(false);
        if (spec.name !== 'slow') {
          expect(at(spec.min), `${kind}.${spec.name} min`).toBe(!spec.exclusiveMin);
        }
        expect(at(spec.min - 1), `${kind}.${spec.name} below min`).toBe(false);
      }
    }
  });
});
