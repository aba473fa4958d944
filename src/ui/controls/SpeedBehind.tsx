/**
 * Beside the speed control while the run plays slower than the speed chosen (play-rate.ts): how
 * fast it really plays. In its own chunk, with its words: the page's first script has no room for
 * them, and most runs never show it.
 */
import type { Bilingual } from '../../scenario/language.ts';
import { formatSpeed } from '../../viz/format.ts';
import { useWords } from '../i18n/index.ts';

interface BehindWords {
  playingAt: (rate: string, speed: string) => string;
  why: string;
}

const BEHIND_WORDS: Bilingual<BehindWords> = {
  en: {
    playingAt: (rate, speed) => `playing at ${rate}: this run is heavier than ${speed}`,
    why: 'The simulation and the panels cannot keep up with the speed chosen for a run this size: virtual time moves at the speed shown here, not at the one chosen.',
  },
  zh: {
    playingAt: (rate, speed) => `实际 ${rate}：这次运行太重，跟不上 ${speed}`,
    why: '这么大的运行，模拟和面板跟不上所选的速度：虚拟时间按这里显示的速度前进，而不是所选的速度。',
  },
};

/** Two short lines beside the speed: the controls bar keeps one row (its speed group does not wrap). */
const BEHIND_STYLE = { fontSize: '0.75em', lineHeight: 1.15, maxWidth: '16em', whiteSpace: 'normal', color: 'var(--rs-muted)' } as const;

export function SpeedBehind({ rate, speed }: { rate: number; speed: number }) {
  const words = useWords(BEHIND_WORDS);
  return (
    <span className="rs-speed-behind" data-testid="speed-behind" title={words.why} style={BEHIND_STYLE}>
      {words.playingAt(formatSpeed(rate), formatSpeed(speed))}
    </span>
  );
}
