/**
 * The trace up to the current time, newest first: the latest 500 matching events (MAX_ROWS),
 * filtered by type and by any field value. Clicking a row moves the playhead to that event.
 * A visually hidden live region speaks the news while the run plays (log-announcer.ts).
 *
 * The latest rows unfiltered are read from the trace the page holds. A filter searches the whole
 * past where the run lives, through the named query traceSearch (src/sim/queries/trace-search.ts),
 * a share per ask: the newest rows first, the count completed over the next moments while the log
 * says it is still searching.
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { TraceEvent, TraceType } from '../../sim/index.ts';
import { usePlayback } from '../../store/playback.ts';
import type { Language } from '../../scenario/language.ts';
import { formatCount, formatTime } from '../../viz/format.ts';
import { queryLog, type EventFilter, type LogQuery } from '../../sim/queries/trace-search.ts';
import { LOG_REFRESH, useSimView } from '../use-sim.ts';
import { useSimQuery, type SimQueryOptions } from '../use-sim-query.ts';
import { describeEvent, eventContextOf, sameContext, TRACE_TYPES, typeBadge, typeName, type EventContext } from './event-sentences.ts';
import { labelled, useWords } from '../i18n/index.ts';
import { useBrokerNodeNames } from '../use-broker-node-names.ts';
import { moveIndex, type IndexMoves } from '../keys.ts';
import { logTypeClass } from './log-tone.ts';
import { MessageCardButton } from './MessageCardButton.tsx';
import { LOG_STRINGS, type LogStrings } from './log-strings.ts';
import { spokenIds, spokenNews, spokenPassed, useNewsWhilePlaying, type Passed } from './log-announcer.ts';
import { EmptyPanel, PanelFrame } from './shared.tsx';
import './counters.css';

interface EventLogProps {
  className?: string;
  /** Events of the past one ask of a filtered search reads; the search goes on with the next ask. */
  searchEventsPerAsk?: number;
}

/** How many of the latest matching events the log lists. */
const MAX_ROWS = 500;
/** Paused, the shortest wall time between two changes of the live region's text (silent then: the caption speaks). */
const ANNOUNCE_EVERY_MS = 1_000;
/** A filtered search is asked again while its answer says it has not read the whole past. */
const SEARCH_OPTIONS: SimQueryOptions<'traceSearch'> = { ...LOG_REFRESH, askAgain: (query) => !query.complete };
/**
 * Rows built at first: more than the list shows at once (its 420 px hold about fifteen). The rest
 * of the latest rows are built as the person scrolls (or tabs) towards the end, MORE_ROWS at a
 * time: a playing run replaces the whole list several times a second, and a seek far away
 * replaces every row, so each row built beyond what shows costs every move its render.
 */
const FIRST_ROWS = 20;
const MORE_ROWS = 100;
/** How close to the end of the built rows (in pixels, or in rows for focus) more are built. */
const NEAR_END_PX = 300;
const NEAR_END_ROWS = 5;

interface RowProps {
  index: number;
  event: TraceEvent;
  language: Language;
  context: EventContext;
  current: boolean;
  /** The row in the Tab order (the log's one stop), which names the keys to the others. */
  tabbable: boolean;
  keysId: string;
  seekTo: (time: string) => string;
}

/** Rows are re-rendered only when what they show changes (replays rebuild equal event objects). */
const LogRow = memo(
  function LogRow({ index, event, language, context, current, tabbable, keysId, seekTo }: RowProps) {
    const msgId = 'msgId' in event ? event.msgId : null;
    return (
      <li className={`rs-log-row${current ? ' rs-log-current' : ''}`} data-index={index}>
        <button type="button" className="rs-log-button" title={seekTo(formatTime(event.t))} data-testid="log-row"
          tabIndex={tabbable ? 0 : -1} aria-describedby={tabbable ? keysId : undefined}
          onClick={() => usePlayback.getState().seek(event.t)}>
          <span className="rs-log-time rs-mono">{formatTime(event.t)}</span>
          <span className={`rs-log-type ${logTypeClass(event)}`} title={language === 'zh' ? event.type : undefined}>{typeBadge(event.type, language)}</span>
          <span className="rs-log-what">{describeEvent(event, language, context)}</span>
        </button>
        {msgId !== null && <MessageCardButton msgId={msgId} language={language} tabbable={tabbable} />}
      </li>
    );
  },
  (a, b) => a.index === b.index && a.event.t === b.event.t && a.event.type === b.event.type
    && a.language === b.language && sameContext(a.context, b.context) && a.current === b.current && a.seekTo === b.seekTo
    && a.tabbable === b.tabbable,
);

/** Up and down the column, stopping at the newest and the oldest; ← → stay the run's steps. */
const ROW_MOVES: IndexMoves = { axis: 'vertical' };

/**
 * The log is one stop in the Tab order, not two per row (a keyboard review counted 240 stops with
 * nothing past them): the row last focused (the newest while it is gone) and its card button;
 * the arrows, Home and End move between rows and stay the list's, not the run's shortcuts.
 */
function useRovingRow(buildAll: () => void): { focused: number | null; onFocus: (row: LogRowAt) => void; onKeyDown: (event: KeyboardEvent<HTMLOListElement>) => void } {
  const [focused, setFocused] = useState<number | null>(null);
  return {
    focused,
    onFocus: ({ row }) => setFocused(Number(row.dataset.index)),
    onKeyDown: (event) => {
      const from = rowAt(event.currentTarget, event.target);
      if (!from || event.altKey || event.shiftKey || event.ctrlKey || event.metaKey) return;
      // The oldest row may not be built yet (rows are built as one scrolls).
      if (event.key === 'End') flushSync(buildAll);
      const list = event.currentTarget;
      const next = moveIndex(event.key, from.position, list.children.length, ROW_MOVES);
      if (next === null) return;
      event.preventDefault();
      list.children[next]?.querySelector<HTMLElement>('[data-testid="log-row"]')?.focus();
    },
  };
}

/** A row of the list (its <li>) and its place among the rows built. */
interface LogRowAt { row: HTMLElement; position: number }

/** The row an event's target (the row's button or its card button) belongs to. */
function rowAt(list: Element, target: EventTarget): LogRowAt | null {
  const row = target instanceof Element ? target.closest<HTMLElement>('li[data-index]') : null;
  return row ? { row, position: Array.prototype.indexOf.call(list.children, row) } : null;
}

/** How many of the rows to build, growing as the person scrolls down and back to the first FIRST_ROWS at the top. */
function useBuiltRows(limit: number): { built: number; buildAll: () => void; onScroll: (list: HTMLElement) => void; onFocusRow: (row: LogRowAt) => void } {
  const [built, setBuilt] = useState(FIRST_ROWS);
  return {
    built,
    buildAll: () => setBuilt(limit),
    onScroll: (list) => {
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - NEAR_END_PX) setBuilt((n) => Math.min(limit, n + MORE_ROWS));
      else if (list.scrollTop <= 0) setBuilt(FIRST_ROWS);
    },
    onFocusRow: ({ position }) => {
      if (position >= built - NEAR_END_ROWS) setBuilt((n) => Math.min(limit, n + MORE_ROWS));
    },
  };
}

function countText(query: LogQuery, strings: LogStrings): string {
  const matching = formatCount(query.matching);
  if (query.rows.length === 0) return query.complete ? strings.noEvents : strings.searching;
  return query.complete ? strings.showing(query.rows.length, matching) : strings.showingSoFar(query.rows.length, matching);
}

/**
 * What the live region holds. Paused, the newest event, its text changed at most once per
 * ANNOUNCE_EVERY_MS of wall time (one that came within that time is put there when it ends, unless
 * a newer one replaced it), though it is not spoken then: the caption speaks for a step. Playing,
 * the news only, at the pace log-announcer.ts explains. A sentence is kept with its language: after
 * a change of language it is gone at once, and the newest event is said again in the new one.
 */
function useAnnouncer(latest: TraceEvent | undefined, language: Language, context: EventContext): string {
  const [spoken, setSpoken] = useState({ text: '', language });
  const playing = usePlayback((s) => s.playing);
  const last = useRef({ at: Number.NEGATIVE_INFINITY, event: undefined as TraceEvent | undefined, language });
  useEffect(() => {
    if (playing || !latest || (last.current.event === latest && last.current.language === language)) return undefined;
    const say = () => {
      last.current = { at: performance.now(), event: latest, language };
      setSpoken({ text: spokenIds(labelled(`${formatTime(latest.t)} ${typeBadge(latest.type, language)}`, describeEvent(latest, language, context), language)), language });
    };
    const wait = last.current.at + ANNOUNCE_EVERY_MS - performance.now();
    if (wait <= 0) {
      say();
      return undefined;
    }
    const timer = setTimeout(say, wait);
    return () => clearTimeout(timer);
  }, [playing, latest, language, context]);
  useNewsWhilePlaying(useCallback((event: TraceEvent, others: Passed) => {
    const text = spokenNews(event, language, context) + spokenPassed(others, language);
    setSpoken({ text, language });
    return text;
  }, [language, context]));
  return spoken.language === language ? spoken.text : '';
}

/** The rows: unfiltered from the trace the page holds, filtered from the search where the run lives (null until its first answer). */
function useLogQuery(filter: EventFilter, searchEventsPerAsk: number | undefined): { view: ReturnType<typeof useSimView>; query: LogQuery | null } {
  const view = useSimView(LOG_REFRESH);
  const filtered = filter.type !== '' || filter.entity.trim() !== '';
  const search = useSimQuery('traceSearch', filtered ? { filter, limit: MAX_ROWS, ...(searchEventsPerAsk === undefined ? {} : { maxEvents: searchEventsPerAsk }) } : null, SEARCH_OPTIONS);
  if (!view) return { view, query: null };
  return { view, query: filtered ? search.data ?? null : queryLog(view.timeline, filter, MAX_ROWS) };
}

export function EventLog({ className, searchEventsPerAsk }: EventLogProps) {
  const strings = useWords(LOG_STRINGS);
  const language = usePlayback((s) => s.language);
  const scenario = usePlayback((s) => s.scenario);
  const [filter, setFilter] = useState<EventFilter>({ type: '', entity: '' });
  const typeId = useId();
  const entityId = useId();
  const { view, query } = useLogQuery(filter, searchEventsPerAsk);
  const names = useBrokerNodeNames();
  const context = useMemo(() => eventContextOf(scenario, names), [scenario, names]);
  const spoken = useAnnouncer(query?.rows[0]?.event, language, context);
  // It speaks while the run plays; paused, the caption says the same event with its why (NarrationCaption.tsx).
  const playing = usePlayback((s) => s.playing);
  const { built, buildAll, onScroll, onFocusRow } = useBuiltRows(MAX_ROWS);
  const roving = useRovingRow(buildAll);
  const keysId = useId();
  if (!view) return <EmptyPanel name="log" title={strings.logTitle} className={className} />;
  const rows = query?.rows ?? [];
  const tabbable = rows.some((row) => row.index === roving.focused) ? roving.focused : rows[0]?.index;
  return (
    <PanelFrame name="log" title={strings.logTitle} className={className}>
      <div className="rs-log-filters">
        <label htmlFor={typeId}>{strings.filterType}</label>
        <select id={typeId} value={filter.type} onChange={(e) => setFilter({ ...filter, type: e.target.value as TraceType | '' })}>
          <option value="">{strings.allTypes}</option>
          {TRACE_TYPES.map((type) => <option key={type} value={type}>{`${type} · ${typeName(type, language)}`}</option>)}
        </select>
        <label htmlFor={entityId}>{strings.filterEntity}</label>
        <input id={entityId} type="search" value={filter.entity} placeholder={strings.filterEntityPlaceholder}
          onChange={(e) => setFilter({ ...filter, entity: e.target.value })} />
      </div>
      <p className="rs-muted rs-log-count">{query ? countText(query, strings) : strings.searching}</p>
      <div className="rs-log-body">
        <ol className="rs-log-list" aria-label={strings.logTitle} onScroll={(e) => onScroll(e.currentTarget)}
          onFocus={(e) => {
            const row = rowAt(e.currentTarget, e.target);
            if (row) {
              onFocusRow(row);
              roving.onFocus(row);
            }
          }} onKeyDown={roving.onKeyDown}>
          {rows.slice(0, built).map(({ index, event }) => (
            <LogRow key={index} index={index} event={event} language={language} context={context}
              current={event.t === view.timeMs} tabbable={index === tabbable} keysId={keysId} seekTo={strings.seekTo} />
          ))}
        </ol>
        <span id={keysId} hidden>{strings.logKeys}</span>
      </div>
      <div className="rs-visually-hidden" aria-live={playing ? 'polite' : 'off'} aria-atomic="true" data-testid="log-announcer">{spoken}</div>
    </PanelFrame>
  );
}
