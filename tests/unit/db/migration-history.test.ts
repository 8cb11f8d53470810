import { describe, expect, it } from 'vitest';
import { compareMigrationHistory, type MigrationRecord } from '@/server/db/migration-history';

const disk = [
  { name: '20260101000000_init', checksum: 'aa' },
  { name: '20260201000000_add_things', checksum: 'bb' },
  { name: '20260301000000_more', checksum: 'cc' },
];
const record = (name: string, checksum: string, rest: Partial<MigrationRecord> = {}) => ({
  name,
  checksum,
  finished: true,
  rolledBack: false,
  ...rest,
});

describe('compareMigrationHistory', () => {
  it('reports everything pending without a history', () => {
    expect(compareMigrationHistory(disk, [])).toEqual({
      applied: [],
      pending: disk.map((m) => m.name),
      failed: [],
      edited: [],
      missing: [],
    });
  });

  it('splits applied from pending in directory order', () => {
    const history = compareMigrationHistory(disk, [
      record('20260201000000_add_things', 'bb'),
      record('20260101000000_init', 'aa'),
    ]);
    expect(history.applied).toEqual(['20260101000000_init', '20260201000000_add_things']);
    expect(history.pending).toEqual(['20260301000000_more']);
  });

  it('reports an unfinished migration as failed, not pending', () => {
    const history = compareMigrationHistory(disk, [
      record('20260101000000_init', 'aa'),
      record('20260201000000_add_things', 'bb', { finished: false }),
    ]);
    expect(history.failed).toEqual(['20260201000000_add_things']);
    expect(history.pending).toEqual(['20260301000000_more']);
  });

  it('ignores rolled-back attempts, and a failure later applied successfully', () => {
    const history = compareMigrationHistory(disk, [
      record('20260101000000_init', 'aa'),
      record('20260201000000_add_things', 'bb', { finished: false, rolledBack: true }),
      record('20260301000000_more', 'cc', { finished: false, rolledBack: true }),
      record('20260301000000_more', 'cc'),
    ]);
    expect(history).toMatchObject({
      applied: ['20260101000000_init', '20260301000000_more'],
      pending: ['20260201000000_add_things'],
      failed: [],
    });
  });

  it('flags edited files and applied migrations missing from the directory', () => {
    const history = compareMigrationHistory(disk.slice(0, 1), [
      record('20260101000000_init', 'changed'),
      record('20251201000000_other_branch', 'dd'),
    ]);
    expect(history.edited).toEqual(['20260101000000_init']);
    expect(history.missing).toEqual(['20251201000000_other_branch']);
  });
});
