import { describe, expect, it } from 'vitest';
import { parseCronExpression, scheduleCron } from '@/server/scheduler/cron';

describe('parseCronExpression', () => {
  it('reads Inngest cron expressions in UTC unless a zone is given', () => {
    expect(parseCronExpression('*/5 * * * *')).toEqual({ pattern: '*/5 * * * *', timezone: 'UTC' });
    expect(parseCronExpression('TZ=Asia/Seoul 0 9 * * 1-5')).toEqual({
      pattern: '0 9 * * 1-5',
      timezone: 'Asia/Seoul',
    });
    expect(parseCronExpression('CRON_TZ=America/New_York 30 9 * * *')).toEqual({
      pattern: '30 9 * * *',
      timezone: 'America/New_York',
    });
  });

  it('refuses an unknown time zone', () => {
    expect(() => parseCronExpression('TZ=Mars/Olympus 0 9 * * *')).toThrow(/time zone/);
  });
});

describe('scheduleCron', () => {
  it('computes the next run in the expression’s zone', () => {
    const seoulMorning = scheduleCron(
      'TZ=Asia/Seoul 0 9 * * *',
      () => {},
      () => {},
    );
    const utcMorning = scheduleCron(
      '0 9 * * *',
      () => {},
      () => {},
    );
    try {
      expect(seoulMorning.nextRunAt()?.getUTCHours()).toBe(0); // 09:00 KST = 00:00 UTC
      expect(utcMorning.nextRunAt()?.getUTCHours()).toBe(9);
    } finally {
      seoulMorning.stop();
      utcMorning.stop();
    }
  });

  it('refuses an invalid pattern', () => {
    expect(() =>
      scheduleCron(
        '61 * * * *',
        () => {},
        () => {},
      ),
    ).toThrow();
  });

  it('stops firing once stopped', () => {
    const job = scheduleCron(
      '* * * * * *',
      () => {},
      () => {},
    );
    job.stop();
    expect(job.nextRunAt()).toBeNull();
  });
});
