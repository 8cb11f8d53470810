import { describe, expect, it } from 'vitest';
import { migrationDirectoryName } from '@/server/db/migrate';

describe('migrationDirectoryName', () => {
  it('prefixes the UTC time as yyyymmddHHMMss, like Prisma Migrate', () => {
    expect(
      migrationDirectoryName('add_things', new Date('2026-03-04T05:06:07.890Z'), undefined),
    ).toBe('20260304050607_add_things');
  });

  it('stays after the latest migration when the clock is behind or in the same second', () => {
    const latest = '20260304050607_init';
    expect(migrationDirectoryName('next', new Date('2026-03-04T05:06:07.500Z'), latest)).toBe(
      '20260304050608_next',
    );
    expect(migrationDirectoryName('next', new Date('2001-01-01T00:00:00Z'), latest)).toBe(
      '20260304050608_next',
    );
    expect(migrationDirectoryName('next', new Date('2026-03-04T05:06:09Z'), latest)).toBe(
      '20260304050609_next',
    );
  });
});
