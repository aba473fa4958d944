/**
 * What every panel shares: its frame (a labelled section), the language's strings, the
 * run's summary and other view models at the current time (computed once per time for all panels).
 */
import { useId, type ReactNode } from 'react';
import type { TimelineView } from '../../sim/timeline.ts';
import type { Summary } from '../../sim/summary.ts';
import { useWatchRef } from '../on-screen.tsx';
import { useRegionRef, type Region } from '../regions.ts';
import { replaceEqualDeep } from './stable.ts';
import { useWords } from '../i18n/index.ts';
import { PANEL_STRINGS, type PanelStrings } from './strings.ts';
import './panels.css';

export function usePanelStrings(): PanelStrings {
  return useWords(PANEL_STRINGS);
}

interface Derived {
  timeMs: number;
  traceLength: number;
  summaryMs: number;
  value: unknown;
}

const derived = new WeakMap<TimelineView, Map<string, Derived>>();

/**
 * A view model derived from the run at one time, computed once per (timeline, time, trace length)
 * and shared by every panel that asks for it under the same name. A run is deterministic: the
 * same time and trace length give the same value. Unless `share` is 'computed', the value is
 * structurally shared with the one of the previous time (replaceEqualDeep), so the parts that did
 * not change keep their identity and the components that show them (React.memo) are skipped.
 */
export function derivedAt<T>(timeline: TimelineView, timeMs: number, name: string, compute: () => T, share: 'structural' | 'computed' = 'structural'): T {
  let byName = derived.get(timeline);
  if (!byName) {
    byName = new Map();
    derived.set(timeline, byName);
  }
  const cached = byName.get(name);
  const { traceLength, summaryMs } = timeline;
  // The summary of a run in the worker comes with its settled frames only: a new one at the same time is news.
  if (cached && cached.timeMs === timeMs && cached.traceLength === traceLength && cached.summaryMs === summaryMs) return cached.value as T;
  const value = share === 'structural' ? replaceEqualDeep(cached?.value, compute()) : compute();
  byName.set(name, { timeMs, traceLength, summaryMs, value });
  return value;
}

/**
 * timeline.summary() walks every queue: computed once per (timeline, time) for all the panels.
 * Its parts are shared by what the panels derive from it (the queue grid's cells), not here: a
 * walk of every queue's offsets and lags at every moment cost more than the counters it kept.
 */
export function summaryAt(timeline: TimelineView, timeMs: number): Summary {
  return derivedAt(timeline, timeMs, 'summary', () => timeline.summary(), 'computed');
}

interface PanelFrameProps {
  name: string;
  title: string;
  className?: string | undefined;
  /** Right-aligned content of the header (a total, a filter). */
  aside?: ReactNode;
  /** An answer from the run (a named query) for the playhead shown is still to come: aria-busy. */
  busy?: boolean;
  /** The page's region the panel is (ui/regions.ts), for hooks of other components that read it. */
  region?: Region | undefined;
  children: ReactNode;
}

/** A panel: a section named by its heading (watched for being on screen inside an OnScreenSlot). */
export function PanelFrame({ name, title, className, aside, busy, region, children }: PanelFrameProps) {
  const headingId = useId();
  const frame = useRegionRef(region, useWatchRef());
  return (
    <section ref={frame} className={`rs-panel rs-${name}${className ? ` ${className}` : ''}`} aria-labelledby={headingId} aria-busy={busy}>
      <header className="rs-panel-header">
        <h2 id={headingId} className="rs-panel-title">{title}</h2>
        {aside}
      </header>
      {children}
    </section>
  );
}

/**
 * The name of the process the inspector shows (Broker broker-a/0): where focus goes when a person
 * opens it from the topology (InspectorPanel.tsx), so focus can land on it but Tab never stops there.
 */
export function InspectTitle({ children }: { children: ReactNode }) {
  return <h3 tabIndex={-1} data-inspect-title="">{children}</h3>;
}

/** The frame with a note, for when no scenario is loaded. */
export function EmptyPanel({ name, title, className, region }: { name: string; title: string; className?: string | undefined; region?: Region }) {
  const strings = usePanelStrings();
  return (
    <PanelFrame name={name} title={title} className={className} region={region}>
      <p className="rs-muted">{strings.noScenario}</p>
    </PanelFrame>
  );
}
