/**
 * What every panel shares: its frame (a labelled section), the language's strings, the
 * run's summary at the current time (computed once per time for all panels).
 */
import { useId, type ReactNode } from 'react';
import type { Timeline } from '../../sim/timeline.ts';
import type { Summary } from '../../sim/summary.ts';
import { usePlayback } from '../../store/playback.ts';
import { panelStrings, type PanelStrings } from './strings.ts';
import './panels.css';

export function usePanelStrings(): PanelStrings {
  return panelStrings(usePlayback((s) => s.language));
}

const summaries = new WeakMap<Timeline, { timeMs: number; traceLength: number; summary: Summary }>();

/**
 * timeline.summary() walks every queue, so it is computed once per (timeline, time) and shared
 * by the panels that render at that time. A run is deterministic: the same time and trace
 * length give the same summary.
 */
export function summaryAt(timeline: Timeline, timeMs: number): Summary {
  const cached = summaries.get(timeline);
  if (cached && cached.timeMs === timeMs && cached.traceLength === timeline.traceLength) return cached.summary;
  const summary = timeline.summary();
  summaries.set(timeline, { timeMs, traceLength: timeline.traceLength, summary });
  return summary;
}

export interface PanelFrameProps {
  name: string;
  title: string;
  className?: string | undefined;
  /** Right-aligned content of the header (a total, a filter). */
  aside?: ReactNode;
  children: ReactNode;
}

/** A panel: a section named by its heading. */
export function PanelFrame({ name, title, className, aside, children }: PanelFrameProps) {
  const headingId = useId();
  return (
    <section className={`rs-panel rs-${name}${className ? ` ${className}` : ''}`} aria-labelledby={headingId}>
      <header className="rs-panel-header">
        <h2 id={headingId} className="rs-panel-title">{title}</h2>
        {aside}
      </header>
      {children}
    </section>
  );
}

/** The frame with a note, for when no scenario is loaded. */
export function EmptyPanel({ name, title, className }: { name: string; title: string; className?: string | undefined }) {
  const strings = usePanelStrings();
  return (
    <PanelFrame name={name} title={title} className={className}>
      <p className="rs-muted">{strings.noScenario}</p>
    </PanelFrame>
  );
}
