/**
 * The trace up to the current time, newest first: the latest matching events (500 by default),
 * filtered by type and by any field value. Clicking a row moves the playhead to that event.
 * A visually hidden live region announces the newest event at most once a second.
 */
import { memo, useEffect, useId, useRef, useState } from 'react';
import type { TraceEvent, TraceType } from '../../model/events.ts';
import { usePlayback, type Language } from '../../store/playback.ts';
import { formatTime } from '../../viz/format.ts';
import { useSimView } from '../use-sim.ts';
import { countMatching, latestMatching, type EventFilter } from './event-filter.ts';
import { describeEvent, TRACE_TYPES } from './event-sentences.ts';
import { EmptyPanel, PanelFrame, usePanelStrings } from './shared.tsx';

export interface EventLogProps {
  className?: string;
  /** How many of the latest matching events to list. */
  maxRows?: number;
  /** Shortest wall time between two announcements of the live region. */
  announceEveryMs?: number;
}

interface RowProps {
  index: number;
  event: TraceEvent;
  language: Language;
  current: boolean;
  seekLabel: string;
}

/** Rows are re-rendered only when what they show changes (replays rebuild equal event objects). */
const LogRow = memo(
  function LogRow({ event, language, current, seekLabel }: RowProps) {
    return (
      <li className={`rs-log-row${current ? ' rs-log-current' : ''}`}>
        <button type="button" className="rs-log-button" title={seekLabel} data-testid="log-row"
          onClick={() => usePlayback.getState().seek(event.t)}>
          <span className="rs-log-time rs-mono">{formatTime(event.t)}</span>
          <span className={`rs-log-type rs-type-${event.type.split('.')[0]}`}>{event.type}</span>
          <span className="rs-log-what">{describeEvent(event, language)}</span>
        </button>
      </li>
    );
  },
  (a, b) => a.index === b.index && a.event.t === b.event.t && a.event.type === b.event.type
    && a.language === b.language && a.current === b.current && a.seekLabel === b.seekLabel,
);

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

export function EventLog({ className, maxRows = 500, announceEveryMs = 1_000 }: EventLogProps) {
  const view = useSimView();
  const strings = usePanelStrings();
  const language = usePlayback((s) => s.language);
  const [filter, setFilter] = useState<EventFilter>({ type: '', entity: '' });
  const typeId = useId();
  const entityId = useId();
  const rows = view ? latestMatching(view.timeline, filter, maxRows) : [];
  const region = useAnnouncer(rows[0]?.event, language, announceEveryMs);
  if (!view) return <EmptyPanel name="log" title={strings.logTitle} className={className} />;
  const matching = countMatching(view.timeline, filter);
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
      <p className="rs-muted rs-log-count">{rows.length === 0 ? strings.noEvents : strings.showing(rows.length, matching.toLocaleString('en-US'))}</p>
      <div className="rs-log-body">
        <ol className="rs-log-list" aria-label={strings.logTitle}>
          {rows.map(({ index, event }) => (
            <LogRow key={index} index={index} event={event} language={language} current={event.t === view.timeMs}
              seekLabel={strings.seekTo(formatTime(event.t))} />
          ))}
        </ol>
      </div>
      <div ref={region} className="rs-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="log-announcer" />
    </PanelFrame>
  );
}
