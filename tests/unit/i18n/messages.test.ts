import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/i18n/messages';

// The merged catalogues: the core file plus every namespace file.
const en = messagesFor('en');
const ko = messagesFor('ko');

type Tree = { [key: string]: string | Tree };

/** Every leaf as `dotted.path` → value. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [leafPath, leaf] of leaves(value, path)) out.set(leafPath, leaf);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

/**
 * ICU argument names a message uses (`{name}`, `{count, plural, one {…} other {…}}`), walking the
 * syntax so that plural/select branch bodies are read as text, not mistaken for arguments.
 */
function argumentNames(message: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const skipSpace = () => {
    while (/\s/.test(message[i] ?? '')) i++;
  };
  const readWord = () => {
    skipSpace();
    const start = i;
    while (i < message.length && !/[\s,{}]/.test(message[i] ?? '')) i++;
    const word = message.slice(start, i);
    skipSpace();
    return word;
  };
  const text = (nested: boolean): void => {
    while (i < message.length) {
      const ch = message[i++];
      if (ch === '{') argument();
      else if (ch === '}' && nested) return;
    }
  };
  const argument = (): void => {
    names.add(readWord());
    if (message[i++] === '}') return;
    const type = readWord();
    if (message[i++] === '}') return;
    if (!['plural', 'select', 'selectordinal'].includes(type)) {
      while (i < message.length && message[i++] !== '}');
      return;
    }
    for (;;) {
      const selector = readWord();
      if (message[i] === '}' || selector === '') {
        i++;
        return;
      }
      i++; // the branch's opening brace
      text(true);
    }
  };
  text(false);
  return [...names].sort();
}

const catalogues = { en: leaves(en as unknown as Tree), ko: leaves(ko as unknown as Tree) };

describe('message catalogues', () => {
  it('have identical key sets in English and Korean', () => {
    const enKeys = [...catalogues.en.keys()].sort();
    const koKeys = [...catalogues.ko.keys()].sort();
    expect(koKeys).toEqual(enKeys);
  });

  it.each(Object.entries(catalogues))('%s has only non-empty string messages', (_, messages) => {
    const bad = [...messages].filter(([, value]) => typeof value !== 'string' || !value.trim());
    expect(bad).toEqual([]);
  });

  it('finds arguments but not plural branch text', () => {
    expect(argumentNames('{n} {count, plural, =0 {none} one {# {item}} other {many}}')).toEqual([
      'count',
      'item',
      'n',
    ]);
  });

  it('use the same ICU arguments in both languages', () => {
    const mismatched = [...catalogues.en].flatMap(([key, value]) => {
      const koValue = catalogues.ko.get(key);
      if (typeof value !== 'string' || typeof koValue !== 'string') return [];
      const enArgs = argumentNames(value);
      const koArgs = argumentNames(koValue);
      return JSON.stringify(enArgs) === JSON.stringify(koArgs) ? [] : [{ key, enArgs, koArgs }];
    });
    expect(mismatched).toEqual([]);
  });
});
