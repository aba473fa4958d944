/**
 * The playhead over the whole run: a native range input (keyboard and screen reader support
 * for free), with the scenario's timeline actions, the person's forks and the moments a broker
 * fault showed itself (SignMarks) as ticks below it. A tick is a button: it jumps to that moment,
 * and its title says what happens there.
 */
import { lazy, memo, Suspense, type KeyboardEvent } from 'react';
import { faultEvent, faultSubject, type TimelineAction } from '../../sim/index.ts';
import { playheadTarget, usePlayback } from '../../store/playback.ts';
import type { Language } from '../../scenario/language.ts';
import { actionSaid } from '../i18n/action-strings.ts';
import { inLanguage, labelled, listed, useT, type Bilingual, type Translate } from '../i18n/index.ts';
import { useNarrator } from '../narration/use-narrator.ts';
import { formatTime } from '../../viz/format.ts';
import { actionMarks } from './mark-times.ts';

/** The marks of the faults' signs, with the failover view's words: after the first paint. */
const SignMarks = lazy(() => import('./SignMarks.tsx').then((module) => ({ default: module.SignMarks })));

interface Mark {
  at: number;
  kind: 'fault' | 'fork';
  title: string;
}

export function actionTarget(action: TimelineAction): string {
  switch (action.action) {
    case 'addConsumer': return action.consumer.id;
    case 'addProducer': return action.producer.id;
    case 'updateTopic': {
      const counts = [
        action.writeQueueNums === undefined ? '' : ` write ${action.writeQueueNums}`,
        action.readQueueNums === undefined ? '' : ` read ${action.readQueueNums}`,
        action.perm === undefined ? '' : ` perm ${action.perm}`,
      ].join('');
      return `${action.topic}${action.broker ? `@${action.broker}` : ''}${counts}`;
    }
    case 'setProducerRate': return `${action.target} ${action.ratePerSec}/s`;
    // A slave by its node (broker-a/1), a link by both ends, as the trace's fault event names them.
    case 'partitionLink': case 'healLink': case 'crashBroker': case 'powerOffBroker': case 'partitionBroker': case 'healPartition':
    case 'shutdownBroker': case 'startBroker': case 'crashNameServer': case 'startNameServer': case 'removeConsumer': case 'removeProducer':
    case 'crashConsumer': case 'hangConsumer': case 'wipeWritePerm': case 'addWritePerm':
      return faultSubject(faultEvent(action, action.at));
  }
}


/** Until the captions arrive: an added client that starts later than it is added says when (the fault event's startsAt). */
const STARTS_LATER: Bilingual<(target: string, time: string, name: string) => string> = {
  en: (target, time, name) => `${target} is added, starts at ${time}${name && ` (${name})`}`,
  zh: (target, time, name) => `${target} 已添加，${time} 启动${name && `（${name}）`}`,
};

/** An action at its time in words, the file's name of it after them unless not `named` (actionSaid). */
export function actionSaidAt(action: TimelineAction, language: Language, named = true): string {
  const { startsAt } = faultEvent(action, action.at);
  return startsAt === undefined ? actionSaid(action.action, actionTarget(action), language, named) : inLanguage(STARTS_LATER, language)(actionTarget(action), formatTime(startsAt), named ? action.action : '');
}

/**
 * One tick per timeline action; a fork is one tick of its own that names the actions the person
 * added there (they are in the timeline too, at the same time).
 */
function marksOf(timeline: readonly TimelineAction[], forks: readonly number[], t: Translate, language: Language, caption: (action: TimelineAction) => string | null): Mark[] {
  const forkTimes = new Set(forks);
  // In the page's language first, the scenario file's name of the action beside it.
  const describe = (action: TimelineAction) => actionSaidAt(action, language);
  const faults = actionMarks(timeline, forks).map((action): Mark => {
    const time = formatTime(action.at);
    const said = caption(action);
    // The caption begins with the action in words: said once, its name in the file after it.
    return { at: action.at, kind: 'fault', title: said === null ? t('faultMarker', { time, action: describe(action) }) : t('markCaption', { time, caption: said, name: action.action }) };
  });
  const forkMarks = [...forkTimes].map((at): Mark => {
    const actions = timeline.filter((action) => action.at === at).map(describe);
    const title = t('forkMarker', { time: formatTime(at) });
    return { at, kind: 'fork', title: actions.length > 0 ? labelled(title, listed(actions, language), language) : title };
  });
  return [...faults, ...forkMarks];
}

/** Arrows move by a second, Page keys by ten, Home and End to the ends: a person's steps, not a millisecond's. */
const KEY_STEPS: Record<string, (time: number, duration: number) => number> = {
  ArrowLeft: (time) => time - 1_000,
  ArrowDown: (time) => time - 1_000,
  ArrowRight: (time) => time + 1_000,
  ArrowUp: (time) => time + 1_000,
  PageDown: (time) => time - 10_000,
  PageUp: (time) => time + 10_000,
  Home: () => 0,
  End: (_time, duration) => duration,
};

/**
 * The ticks under the range: what each says is worked out from the scenario, its forks and the
 * language, never from the playhead, so a move re-renders the range alone (narrating every
 * action's caption again at each step cost more than the range itself).
 */
function ScrubberMarks({ duration }: { duration: number }) {
  const t = useT();
  const scenario = usePlayback((s) => s.scenario);
  const forks = usePlayback((s) => s.forks);
  const language = usePlayback((s) => s.language);
  const narrator = useNarrator();
  // A mark says what the caption will say when the playhead gets there (the fault event's caption).
  const caption = (action: TimelineAction) => (narrator && scenario
    ? narrator.narrate(narrator.plannedFaultEvent(scenario, action), language, { config: scenario.config })
    : null);
  const marks = scenario && duration > 0 ? marksOf(scenario.timeline, forks, t, language, caption) : [];
  return (
    <div className="rs-scrubber-marks">
      {marks.map((mark, index) => (
        <button
          key={`${mark.kind}-${index}`}
          type="button"
          tabIndex={-1}
          className={`rs-mark rs-mark-${mark.kind}`}
          style={{ left: `${(mark.at / duration) * 100}%` }}
          title={mark.title}
          aria-label={mark.title}
          data-testid={`mark-${mark.kind}`}
          onClick={() => usePlayback.getState().requestSeek(mark.at)}
        />
      ))}
      {duration > 0 && <Suspense fallback={null}><SignMarks duration={duration} /></Suspense>}
    </div>
  );
}

/** Re-rendered when the run's length or what the marks read changes (their own selectors), not at each move. */
const MemoMarks = memo(ScrubberMarks);

export function Scrubber() {
  const t = useT();
  const timeMs = usePlayback((s) => s.timeMs);
  const hasScenario = usePlayback((s) => s.scenario !== null);
  const duration = usePlayback((s) => s.scenario?.durationMs ?? 0);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = KEY_STEPS[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    usePlayback.getState().requestSeek(move(playheadTarget(), duration));
  };
  return (
    <div className="rs-scrubber">
      <input
        type="range"
        className="rs-scrubber-range"
        min={0}
        max={duration}
        step={1}
        value={Math.min(timeMs, duration)}
        disabled={!hasScenario}
        aria-label={t('playhead')}
        aria-valuetext={`${formatTime(timeMs)} ${t('timeOf')} ${formatTime(duration)}`}
        data-testid="scrubber"
        onChange={(event) => usePlayback.getState().requestSeek(Number(event.target.value))}
        onKeyDown={onKeyDown}
      />
      <MemoMarks duration={duration} />
    </div>
  );
}
