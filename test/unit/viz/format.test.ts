import { fitText, fitTextKeepingEnd, formatBytes, formatCount, formatPeriod, formatSeconds, formatSpeed, formatTime, remainingFraction, UNIT_SPACE } from '../../../src/viz/format.ts';

describe('formatTime', () => {
  it('shows minutes, seconds and milliseconds', () => {
    expect(formatTime(65_250)).toBe('1:05.250');
    expect(formatTime(0)).toBe('0:00.000');
    expect(formatTime(999)).toBe('0:00.999');
    expect(formatTime(300_000)).toBe('5:00.000');
  });

  it('shows hours from the hour on, so that a long retry schedule reads as hours', () => {
    expect(formatTime(3_599_999)).toBe('59:59.999');
    expect(formatTime(3_600_000 + 5_250)).toBe('1:00:05.250');
    expect(formatTime(4 * 3_600_000 + 46 * 60_000 + 11_000)).toBe('4:46:11.000');
    expect(formatTime(24 * 3_600_000)).toBe('24:00:00.000');
    expect(formatTime(-3_660_000)).toBe('-1:01:00.000');
  });

  it('signs negative times and rounds fractions of a millisecond', () => {
    expect(formatTime(-1_000)).toBe('-0:01.000');
    expect(formatTime(1_000.4)).toBe('0:01.000');
  });
});

describe('formatPeriod', () => {
  it('gives a period under a second in ms, where 0.0 s would hide it, zero as 0 s, and 1 s from a whole second on', () => {
    expect(formatPeriod(12, 'en')).toBe('12\u00a0ms');
    expect(formatPeriod(0, 'en')).toBe('0\u00a0s');
    expect(formatPeriod(0.4, 'en')).toBe('0\u00a0s');
    expect(formatPeriod(999, 'en')).toBe('999\u00a0ms');
    expect(formatPeriod(999.6, 'en')).toBe('1\u00a0s');
    expect(formatPeriod(1_000, 'en')).toBe('1\u00a0s');
  });

  it('gives seconds with a tenth only where there is one, up to three minutes', () => {
    expect(formatPeriod(1_500, 'en')).toBe('1.5\u00a0s');
    expect(formatPeriod(30_000, 'en')).toBe('30\u00a0s');
    expect(formatPeriod(120_000, 'en')).toBe('120\u00a0s');
    expect(formatPeriod(121_040, 'en')).toBe('121\u00a0s');
    expect(formatPeriod(179_900, 'en')).toBe('179.9\u00a0s');
  });

  it('gives whole minutes from three minutes on, seconds where the minutes are not whole', () => {
    expect(formatPeriod(180_000, 'en')).toBe('3\u00a0min');
    expect(formatPeriod(180_040, 'en')).toBe('3\u00a0min');
    expect(formatPeriod(190_000, 'en')).toBe('190\u00a0s');
    expect(formatPeriod(600_000, 'en')).toBe('10\u00a0min');
  });

  it('in Chinese says 毫秒, 秒 and 分钟, as the chapters\' captions do', () => {
    expect(formatPeriod(999, 'zh')).toBe('999\u00a0毫秒');
    expect(formatPeriod(1_000, 'zh')).toBe('1\u00a0秒');
    expect(formatPeriod(179_900, 'zh')).toBe('179.9\u00a0秒');
    expect(formatPeriod(180_000, 'zh')).toBe('3\u00a0分钟');
  });

  it('signs a negative span and never shows minus zero', () => {
    expect(formatPeriod(-1_500, 'en')).toBe('-1.5\u00a0s');
    expect(formatPeriod(-0.2, 'en')).toBe('0\u00a0s');
  });
});

describe('formatSeconds', () => {
  it('shows a duration in seconds with one decimal by default', () => {
    expect(formatSeconds(95_040, 'en')).toBe('95.0\u00a0s');
    expect(formatSeconds(120_000, 'en', 0)).toBe('120\u00a0s');
    expect(formatSeconds(1_234, 'en', 3)).toBe('1.234\u00a0s');
  });

  it('in Chinese says 秒: 「120 秒」「5.0 秒」', () => {
    expect(formatSeconds(120_000, 'zh', 0)).toBe('120\u00a0秒');
    expect(formatSeconds(5_000, 'zh')).toBe('5.0\u00a0秒');
  });

  it('never shows minus zero', () => {
    expect(formatSeconds(-10, 'en')).toBe('0.0\u00a0s');
  });
});

describe('a value and its unit', () => {
  it('are never split at a line\'s end: a no-break space stands between them in both languages ("120" once ended a narrow column\'s line, "s" began the next)', () => {
    expect(UNIT_SPACE).toBe('\u00a0');
    const said = [12, 0, 1_500, 120_000, 180_000, -1_500].flatMap((ms) => (['en', 'zh'] as const).flatMap((language) => [formatPeriod(ms, language), formatSeconds(ms, language)]));
    for (const text of said) expect(text, text).toMatch(/^-?[\d.]+\u00a0(ms|s|min|毫秒|秒|分钟)$/);
  });

  it('where a label is cut to fit, the no-break space is as wide as a space', () => {
    for (let width = 40; width <= 120; width += 2) {
      const cut = fitText(`next scan in 120${UNIT_SPACE}s`, width, 11);
      expect(cut.length, `${width} px`).toBe(fitText('next scan in 120 s', width, 11).length);
    }
  });
});

describe('remainingFraction', () => {
  it('is the share still to run, clamped to [0, 1]', () => {
    expect(remainingFraction(60_000, 120_000)).toBe(0.5);
    expect(remainingFraction(-5, 120_000)).toBe(0);
    expect(remainingFraction(200_000, 120_000)).toBe(1);
    expect(remainingFraction(5, 0)).toBe(0);
  });
});

describe('fitText', () => {
  // At 12 px, 70 px is 5.83 em; DejaVu Sans Bold's widths (a box's name): a 0.67 em, - 0.42, i 0.34, W 1.10, the ellipsis 1.
  it('keeps text that fits and cuts the rest with an ellipsis, each character by its own width', () => {
    expect(fitText('ns-1', 100, 12, 'bold')).toBe('ns-1');
    expect(fitText('a-very-long-consumer-id', 70, 12, 'bold')).toBe('a-very-l…');
    expect(fitText('i'.repeat(17), 70)).toBe('i'.repeat(17));
    expect(fitText('W'.repeat(17), 70)).toBe('WWWW…');
    // The font size scales the room: the same 70 px hold less at 14 px.
    expect(fitText('a-very-long-consumer-id', 70, 14, 'bold')).toBe('a-very-…');
    // Regular type (a status line, a legend) is narrower: a 0.61 em, - 0.36, v 0.59, e 0.62, r 0.41, y 0.59, l 0.28, o 0.61.
    expect(fitText('a-very-long-consumer-id', 70)).toBe('a-very-lo…');
  });

  it('counts a Chinese character (or an emoji) as an em, so a name typed in Chinese is cut to fit too', () => {
    expect(fitText('消费者组一二', 70, 12, 'bold')).toBe('消费者组…');
    expect(fitText('消费者组一', 70, 12, 'bold')).toBe('消费者组一');
    expect(fitText('c-消费者组一', 70, 12, 'bold')).toBe('c-消费者…');
    expect(fitText('p🚀🚀🚀🚀🚀🚀', 70, 12, 'bold')).toBe('p🚀🚀🚀🚀…');
    // One character at least, whole: a surrogate pair is never split.
    expect(fitText('🚀🚀', 7, 12, 'bold')).toBe('🚀…');
  });
});

describe('fitTextKeepingEnd', () => {
  it('keeps a broker process\'s /brokerId whole when it cuts the name, so a master\'s lane and its slave\'s differ', () => {
    const name = 'B'.repeat(255);
    const master = fitTextKeepingEnd(`${name}/0`, '/0', 90, 11);
    const slave = fitTextKeepingEnd(`${name}/1`, '/1', 90, 11);
    expect(master).toMatch(/^B+…\/0$/);
    expect(slave).toBe(master.replace(/\/0$/, '/1'));
    // Where fitText alone left them alike.
    expect(fitText(`${name}/0`, 90, 11)).toBe(fitText(`${name}/1`, 90, 11));
    // It takes no more room than fitText: both end where the label column does.
    expect(master.length).toBeLessThanOrEqual(fitText(`${name}/0`, 90, 11).length + 2);
  });

  it('leaves a name that fits, or one without that end, to fitText', () => {
    expect(fitTextKeepingEnd('broker-a/1', '/1', 90, 11)).toBe('broker-a/1');
    expect(fitTextKeepingEnd('a-very-long-consumer-id', '', 70)).toBe(fitText('a-very-long-consumer-id', 70));
  });
});

describe('formatCount', () => {
  it('groups thousands as toLocaleString(\'en-US\') does', () => {
    for (const value of [0, 7, 999, 1_000, 713_599, 2_919_725, -1_500]) expect(formatCount(value)).toBe(value.toLocaleString('en-US'));
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });
});

describe('formatSpeed and formatBytes', () => {
  it('shows a speed with the precision its scale needs', () => {
    expect(formatSpeed(0.1)).toBe('0.1x');
    expect(formatSpeed(0.333)).toBe('0.33x');
    expect(formatSpeed(2.54)).toBe('2.5x');
    expect(formatSpeed(999.6)).toBe('1000x');
  });

  it('shows message sizes in KB below a megabyte and MB from one on', () => {
    expect(formatBytes(64 * 1024)).toBe('64 KB');
    expect(formatBytes(4 * 1024 * 1024)).toBe('4 MB');
  });

  it('goes on to GB from a billion bytes and TB from a thousand GB, a tenth where there is one, as the page\'s budget is set (1.5e9 bytes)', () => {
    expect(formatBytes(1.5e9)).toBe('1.5 GB');
    expect(formatBytes(2e9)).toBe('2 GB');
    expect(formatBytes(10.24e9)).toBe('10.2 GB');
    expect(formatBytes(999.9e9)).toBe('999.9 GB');
    expect(formatBytes(999.97e9)).toBe('1 TB');
    expect(formatBytes(163.1319e12)).toBe('163.1 TB');
  });
});
