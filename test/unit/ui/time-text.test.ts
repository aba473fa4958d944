import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../src/viz/format.ts';
import { parseTimeText } from '../../../src/ui/insight/message/time-text.ts';

describe('parseTimeText: a time typed for the topic query', () => {
  it('reads the page\'s own m:ss.mmm and shorter forms', () => {
    expect(parseTimeText('1:30')).toBe(90_000);
    expect(parseTimeText(' 1:30.25 ')).toBe(90_250);
    expect(parseTimeText('12:05.007')).toBe(725_007);
    expect(parseTimeText('90')).toBe(90_000);
    expect(parseTimeText('0.5')).toBe(500);
    expect(parseTimeText('1:02:03')).toBe(3_723_000);
    expect(parseTimeText('4:46:11.5')).toBe(17_171_500);
    expect(parseTimeText('90:00')).toBe(5_400_000);
  });

  it('reads back what formatTime writes', () => {
    for (const ms of [0, 999, 61_001, 3_599_999, 3_600_000, 7_265_250, 24 * 3_600_000]) expect(parseTimeText(formatTime(ms))).toBe(ms);
  });

  it('refuses what is not a time instead of guessing', () => {
    for (const text of ['', 'soon', '1:75', '-5', '1:60:00', '1:30:00:00', '<b>1</b>', '1e3', '1:30.1234']) expect(parseTimeText(text)).toBeNull();
  });
});
