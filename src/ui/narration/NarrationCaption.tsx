/**
 * The caption beside the canvas: what the latest event at the playhead means (the one a step
 * just reached), in plain words with the run's numbers. Several events at the same instant are
 * counted; the log lists them all, and the caption points to it where the log is shown
 * (presentation mode hides the side column, presenting.css).
 */
import type { TraceEvent } from '../../sim/index.ts';
import { usePlayback } from '../../store/playback.ts';
import type { TimelineView } from '../../sim/timeline.ts';
import { formatTime } from '../../viz/format.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import { useNarrator } from './use-narrator.ts';
import { brokerNodeNames } from '../broker-node-names.ts';
import { inLanguage, type Bilingual } from '../i18n/index.ts';

const WORDS: Bilingual<{ label: string; idle: string; more: (count: number, logShown: boolean) => string }> = {
  en: {
    label: 'What is happening',
    idle: 'Nothing has happened yet: press play, or step one event forward (→).',
    more: (count, logShown) =>
      `(and ${count} more ${count === 1 ? 'event' : 'events'} at this instant${logShown ? ': see the event log' : ''})`,
  },
  zh: {
    label: '正在发生什么',
    idle: '还没有发生任何事件：点击播放，或向前单步一个事件（→）。',
    more: (count, logShown) => `（同一时刻还有 ${count} 个事件${logShown ? '，见事件日志' : ''}）`,
  },
};

/** How many events before the latest share its instant (looked at no further than `limit` back). */
function sameInstant(timeline: TimelineView, latest: TraceEvent, limit = 200): number {
  const length = timeline.traceLength;
  const from = Math.max(0, length - 1 - limit);
  return timeline.traceSlice(from, length - 1).filter((event) => event.t === latest.t).length;
}

export function NarrationCaption() {
  const view = useSimView(TEXT_PANEL_REFRESH);
  const language = usePlayback((s) => s.language);
  const presenting = usePlayback((s) => s.presenting);
  const narrator = useNarrator();
  const words = inLanguage(WORDS, language);
  if (!view || !narrator) return null;
  const { timeline } = view;
  const latest = timeline.traceLength > 0 ? timeline.traceAt(timeline.traceLength - 1) : undefined;
  const others = latest ? sameInstant(timeline, latest) : 0;
  // The latest event's broker is named by the roles at the playhead: no history to ask for, which
  // keeps the named queries (and the model behind them) out of the page's first load.
  const names = brokerNodeNames(timeline.state, undefined);
  return (
    <p className="rs-caption" data-testid="caption" data-event-type={latest?.type ?? ''}>
      <span className="rs-visually-hidden">{words.label}: </span>
      {latest ? (
        <>
          <span className="rs-caption-time rs-mono">{formatTime(latest.t)}</span>{' '}
          <span className="rs-caption-text">{narrator.narrate(latest, language, narrator.contextAt(timeline.scenario.config, timeline.state, names, timeline))}</span>
          {others > 0 && <span className="rs-caption-more"> {words.more(others, !presenting)}</span>}
        </>
      ) : words.idle}
    </p>
  );
}
