import { describe, expect, it } from 'vitest';
import { DomainError } from '@/server/errors';
import {
  SYSTEM_CHANNEL,
  canSubscribe,
  isValidChannel,
  isValidEventName,
  parseChannel,
  stockChannel,
  userChannel,
} from '@/server/realtime/channels';

const alice = 'ckalice0000000000000000001';
const bob = 'ckbob00000000000000000000002';

describe('channel names', () => {
  it('builds the three kinds of channel', () => {
    expect(userChannel(alice)).toBe(`private-user-${alice}`);
    expect(SYSTEM_CHANNEL).toBe('system');
    expect(stockChannel('005930.KS')).toBe('stock-005930.KS');
    expect(stockChannel('brk-b')).toBe('stock-BRK-B');
    // Pusher forbids '^': an index travels with an underscore and parses back to its symbol.
    expect(stockChannel('^KS11')).toBe('stock-_KS11');
    expect(parseChannel('stock-_KS11')).toEqual({ kind: 'stock', symbol: '^KS11' });
  });

  it('refuses ids and symbols that would make a different or invalid channel', () => {
    for (const bad of ['', 'a b', 'x,private-user-y', 'a;b', 'é', 'a'.repeat(65)]) {
      expect(() => userChannel(bad)).toThrow(DomainError);
    }
    for (const bad of ['', '^^KS11', '_KS11', 'AAPL MSFT', '.KS', 'A'.repeat(33), 'ABC/DEF']) {
      expect(() => stockChannel(bad)).toThrow(DomainError);
    }
  });

  it('parses only exact names of our three kinds', () => {
    expect(parseChannel(`private-user-${alice}`)).toEqual({ kind: 'user', userId: alice });
    expect(parseChannel('system')).toEqual({ kind: 'system' });
    expect(parseChannel('stock-005930.KS')).toEqual({ kind: 'stock', symbol: '005930.KS' });
    for (const bad of [
      'private-user-',
      'private-user-a.b',
      'private-encrypted-user-x',
      'presence-user-x',
      'System',
      'system ',
      'stock-',
      'stock-aapl',
      'stock-AAPL,system',
      'user-x',
      '',
    ]) {
      expect(isValidChannel(bad), bad).toBe(false);
    }
  });

  it('accepts short kebab/dot event names only', () => {
    for (const good of [
      'tick',
      'heartbeat.recorded',
      'watchlist.changed',
      'quote-updated',
      'a1.b2',
    ]) {
      expect(isValidEventName(good), good).toBe(true);
    }
    for (const bad of [
      '',
      'Tick',
      'pusher:ping',
      'a..b',
      '.a',
      'a.',
      'a b',
      'a\nb',
      'x'.repeat(65),
    ]) {
      expect(isValidEventName(bad), bad).toBe(false);
    }
  });
});

describe('canSubscribe', () => {
  it('gives a user their own private channel and nobody else', () => {
    expect(canSubscribe(userChannel(alice), alice)).toBe(true);
    expect(canSubscribe(userChannel(alice), bob)).toBe(false);
    expect(canSubscribe(userChannel(bob), alice)).toBe(false);
  });

  it('gives public channels to signed-in users only', () => {
    expect(canSubscribe(SYSTEM_CHANNEL, alice)).toBe(true);
    expect(canSubscribe(stockChannel('AAPL'), bob)).toBe(true);
    expect(canSubscribe(SYSTEM_CHANNEL, null)).toBe(false);
    expect(canSubscribe(stockChannel('AAPL'), null)).toBe(false);
    expect(canSubscribe(userChannel(alice), null)).toBe(false);
    expect(canSubscribe(SYSTEM_CHANNEL, '')).toBe(false);
  });

  it('refuses names that are not ours, even to a signed-in user', () => {
    expect(canSubscribe('private-admin', alice)).toBe(false);
    expect(canSubscribe(`private-user-${alice}-x.y`, alice)).toBe(false);
    expect(canSubscribe(`presence-user-${alice}`, alice)).toBe(false);
    expect(canSubscribe('stocks-AAPL', alice)).toBe(false);
  });
});
