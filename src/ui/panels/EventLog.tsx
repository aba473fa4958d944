/**
 * The trace up to the current time, newest first: the latest matching events (500 by default),
 * filtered by type and by any field value. Clicking a row moves the playhead to that event.
 * A visually hidden live region announces the newest event at most once a second.
 *
 * A filter on a long run is searched a little per render (event-filter.ts): the newest rows
 * first, the count completed over the next moments while the log says it is still searching.
 */
import { memo, useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import type { TraceEvent, TraceType } from '../../model/events.ts';
import { usePlayback, type Language } from '../../store/playback.ts';
import { formatCount, formatTime } from '../../viz/format.ts';
import { useSimView } from '../use-sim.ts';
import { queryLog, type EventFilter, type LogQuery, type LogRow as LogRowData } from './event-filter.ts';
import { describeEvent, TRACE_TYPES } from './event-sentences.ts';
import { EmptyPanel, PanelFrame, usePanelStrings } from './shared.tsx';
import type { PanelStrings } from './strings.ts';

export interface EventLogProps {
  className?: string;
  /** How many of the latest matching events to list. */
  maxRows?: number;
  /** Shortest wall time between two announcements of the live region. */
  announceEveryMs?: number;
  /** Wall time one render may spend searching the past for a filter; the search goes on after it. */
  searchBudgetMs?: number;
}

/** Pause between two rounds of a search still under way, so the page keeps its frames. */
const SEARCH_PAUSE_MS = 16;
/**
 * Rows rendered with every change of time: more than the list shows at once. The rows below
 * them, out of the list's view, follow in a deferred render right after (Rows), so a seek
 * paints the visible rows without first building 500 rows nobody sees yet.
 */
const FIRST_ROWS = 40;

interface RowProps {
  index: number;
  event: TraceEvent;
  language: Language;
  current: boolean;
  seekTo: (time: string) => string;
}

/** Rows are re-rendered only when what they show changes (replays rebuild equal event objects). */
const LogRow = memo(
  function LogRow({ event, language, current, seekTo }: RowProps) {
    return (
      <li className={`rs-log-row${current ? ' rs-log-current' : ''}`}>
        <button type="button" className="rs-log-button" title={seekTo(formatTime(event.t))} data-testid="log-row"
          onClick={() => usePlayback.getState().seek(event.t)}>
          <span className="rs-log-time rs-mono">{formatTime(event.t)}</span>
          <span className={`rs-log-type rs-type-${event.type.split('.')[0]}`}>{event.type}</span>
          <span className="rs-log-what">{describeEvent(event, language)}</span>
        </button>
      </li>
    );
  },
  (a, b) => a.index === b.index && a.event.t === b.event.t && a.event.type === b.event.type
    && a.language === b.language && a.current === b.current && a.seekTo === b.seekTo,
);

/** While a search is not complete, renders again shortly to go on with it. */
function useContinuedSearch(query: LogQuery | null): void {
  const [, setRound] = useState(0);
  useEffect(() => {
    if (!query || query.complete) return;
    const timer = setTimeout(() => setRound((round) => round + 1), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);
}

interface RowsProps {
  rows: LogRowData[];
  timeMs: number;
  language: Language;
  seekTo: (time: string) => string;
}

/**
 * The rows of the list, keyed by trace index. The first FIRST_ROWS are always the current ones;
 * below them come the rows of a deferred render (useDeferredValue): while playing those are
 * the same rows (each frame adds a few at the top), after a jump they are the previous rows
 * older than the new first ones for the moment it takes to build the 500 new ones.
 */
function Rows({ rows, timeMs, language, seekTo }: RowsProps) {
  const deferred = useDeferredValue(rows);
  const first = rows.length > FIRST_ROWS ? rows.slice(0, FIRST_ROWS) : rows;
  const oldestFirst = first.at(-1)?.index ?? Number.POSITIVE_INFINITY;
  const later = deferred === rows ? rows.slice(first.length) : deferred.filter((row) => row.index < oldestFirst).slice(0, rows.length - first.length);
  return [...first, ...later].map(({ index, event }) => (
    <LogRow key={index} index={index} event={event} language={language} current={event.t === timeMs} seekTo={seekTo} />
  ));
}

function countText(query: LogQuery, strings: PanelStrings): string {
  const matching = formatCount(query.matching);
  if (query.rows.length === 0) return query.complete ? strings.noEvents : strings.searching;
  return query.complete ? strings.showing(query.rows.length, matching) : strings.showingSoFar(query.rows.length, matching);
}

/** Writes the newest event into the live region, at most once per `everyMs` of wall time. */
function useAnnouncer(latest: TraceEvent | undefined, language: Language, everyMs: number) {
  const region = useRef<HTMLDivElement>(null);
  const last = useRef({ at: Number.NEGATIVE_INFINITY, event: undefined as TraceEvent | undefined });
  useEffect(() => {
    if (!latest || !region.current || last.current.event === latest) return;
    const now = performance.now();
    if (now - last.current.at < everyMs) return;
    last.current = { at: now, event: latest };
    region.current.textContent = `${formatTime(latest.t)} ${latest.type}: ${describeEvent(latest, language)}`;
  }, [latest, language, everyMs]);
  return region;
}

export function EventLog({ className, maxRows = 500, announceEveryMs = 1_000, searchBudgetMs = 6 }: EventLogProps) {
  const view = useSimView();
  const strings = usePanelStrings();
  const language = usePlayback((s) => s.language);
  const [filter, setFilter] = useState<EventFilter>({ type: '', entity: '' });
  const typeId = useId();
  const entityId = useId();
  const query = view ? queryLog(view.timeline, filter, maxRows, { budgetMs: searchBudgetMs }) : null;
  useContinuedSearch(query);
  const region = useAnnouncer(query?.rows[0]?.event, language, announceEveryMs);
  if (!view || !query) return <EmptyPanel name="log" title={strings.logTitle} className={className} />;
  const { rows } = query;
  return (
    <PanelFrame name="log" title={strings.logTitle} className={className}>
      <div className="rs-log-filters">
        <label htmlFor={typeId}>{strings.filterType}</label>
        <select id={typeId} value={filter.type} onChange={(e) => setFilter({ ...filter, type: e.target.value as TraceType | '' })}>
          <option value="">{strings.allTypes}</option>
          {TRACE_TYPES.map((type) => <option key={type} value={type}>{type}</option>)}
        </select>
        <label htmlFor={entityId}>{strings.filterEntity}</label>
        <input id={entityId} type="search" value={filter.entity} placeholder={strings.filterEntityPlaceholder}
          onChange={(e) => setFilter({ ...filter, entity: e.target.value })} />
      </div>
      <p className="rs-muted rs-log-count">{countText(query, strings)}</p>
      <div className="rs-log-body">
        <ol className="rs-log-list" aria-label={strings.logTitle}>
          <Rows rows={rows} timeMs={view.timeMs} language={language} seekTo={strings.seekTo} />
        </ol>
      </div>
      <div ref={region} className="rs-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="log-announcer" />
    </PanelFrame>
  );
}
