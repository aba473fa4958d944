/**
 * The space-time diagram drawn from its layout (src/viz/space-time-layout.ts): lanes, time ticks,
 * arrows (bundles show their count), marks, fault rules and the playhead. A click on a stroke, or
 * Enter on the one the arrow keys reached (roving-strokes.ts), moves the playhead to its first
 * event, where the event log highlights it.
 */
import { forwardRef, useId } from 'react';
import { fitTextKeepingEnd, formatTime } from '../../../viz/format.ts';
import type { ArrowKind, MarkKind } from '../../../viz/space-time-events.ts';
import type { SpaceTimeLayout } from '../../../viz/space-time-layout.ts';
import { useRovingStrokes } from './roving-strokes.ts';
import type { SpaceTimeStrings } from './space-time-strings.ts';

export const ARROW_COLOURS: Record<ArrowKind, string> = {
  register: '#64748b', route: '#d97706', send: '#2563eb', replicate: '#0d9488',
  result: '#60a5fa', pull: '#7c3aed', heartbeat: '#0891b2', offset: '#65a30d',
};
export const MARK_COLOURS: Record<MarkKind, string> = {
  removed: '#c2410c', rebalance: '#7c3aed', failed: '#dc2626', lost: '#dc2626',
  topic: '#64748b', chosen: '#d97706', filtered: '#94a3b8', behind: '#b45309', duplicate: '#ca8a04', fault: '#dc2626',
};
const FAULT_COLOUR = '#dc2626';
const PLAYHEAD_COLOUR = '#1d4ed8';

interface SpaceTimeDiagramProps {
  layout: SpaceTimeLayout;
  strings: SpaceTimeStrings;
  label: string;
  onPick: (t: number) => void;
}

/** The lanes' labels are 11 px (the group's fontSize below). */
const LANE_FONT = 11;

export const SpaceTimeDiagram = forwardRef<SVGSVGElement, SpaceTimeDiagramProps>(function SpaceTimeDiagram({ layout, strings, label, onPick }, ref) {
  const markerId = useId().replace(/:/g, '');
  const roving = useRovingStrokes(layout, onPick);
  /** What makes a stroke a button in the roving Tab stop: its name begins with its time. */
  const pickable = (key: string, name: string, t: number) => ({
    role: 'button', 'aria-label': name, tabIndex: roving.stop === key ? 0 : -1, 'data-stroke': key,
    onFocus: () => roving.onFocusStroke(key), onClick: () => onPick(t),
  });
  return (
    <svg ref={ref} viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label={label} className="rs-spacetime-svg" data-testid="spacetime-svg"
      onKeyDown={roving.onKeyDown} onBlur={roving.onBlur}>
      <defs>
        {Object.entries(ARROW_COLOURS).map(([kind, colour]) => (
          <marker key={kind} id={`${markerId}-${kind}`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0L8,4L0,8z" fill={colour} />
          </marker>
        ))}
      </defs>
      <g fontSize="11" fill="currentColor">
        {layout.ticks.map((tick) => <text key={tick.t} x={tick.x} y={12} textAnchor="middle">{formatTime(tick.t).replace(/\.000$/, '')}</text>)}
        {layout.lanes.map((lane) => (
          <g key={lane.id} data-lane={lane.id} data-role={lane.now}>
            <title>{lane.id}</title>
            <line x1={layout.plotLeft} x2={layout.plotRight} y1={lane.y} y2={lane.y} stroke="currentColor" strokeOpacity={0.2} />
            {/* A long name is cut to the label column (whole in the lane's tooltip): it would run off the left edge. A broker process keeps its /brokerId. */}
            <text x={layout.plotLeft - 6} y={lane.y + (lane.now ? -1 : 4)} textAnchor="end">{fitTextKeepingEnd(lane.id, /\/\d+$/.exec(lane.id)?.[0] ?? '', layout.plotLeft - 8, LANE_FONT)}</text>
            {lane.now && <text x={layout.plotLeft - 6} y={lane.y + 9} textAnchor="end" fontSize="9" fillOpacity={0.7}>{strings.roleNow[lane.now]}</text>}
          </g>
        ))}
      </g>
      {layout.rules.map((rule) => (
        <g key={`r${rule.index}`} className="rs-spacetime-pick" {...pickable(`r${rule.index}`, strings.ruleName(rule.label, formatTime(rule.t)), rule.t)}>
          <title>{strings.markTitle(1, strings.mark.fault, rule.label, formatTime(rule.t))}</title>
          <line x1={rule.x} x2={rule.x} y1={18} y2={layout.height} stroke="transparent" strokeWidth={8} />
          <line x1={rule.x} x2={rule.x} y1={18} y2={layout.height} stroke={FAULT_COLOUR} strokeWidth={2} strokeDasharray="5 3" />
        </g>
      ))}
      {layout.arrows.map((arrow) => (
        <g key={`a${arrow.index}`} className="rs-spacetime-pick" data-kind={arrow.kind} data-current={arrow.current || undefined}
          {...pickable(`a${arrow.index}`, strings.arrowName(arrow.count, strings.arrow[arrow.kind], arrow.from, arrow.to, formatTime(arrow.t)), arrow.t)}>
          <title>{strings.bundle(arrow.count, strings.arrow[arrow.kind], arrow.from, arrow.to, formatTime(arrow.t))}</title>
          {/* A wide invisible line makes a thin arrow easy to hit. */}
          <line x1={arrow.x1} y1={arrow.y1} x2={arrow.x2} y2={arrow.y2} stroke="transparent" strokeWidth={8} />
          <line x1={arrow.x1} y1={arrow.y1} x2={arrow.x2} y2={arrow.y2} stroke={ARROW_COLOURS[arrow.kind]}
            strokeWidth={arrow.current ? 3 : Math.min(3, 1 + Math.log10(arrow.count))} strokeOpacity={arrow.current ? 1 : 0.75} markerEnd={`url(#${markerId}-${arrow.kind})`} />
          {arrow.count > 1 && <text x={arrow.x2 + 2} y={(arrow.y1 + arrow.y2) / 2} fontSize="9" fill={ARROW_COLOURS[arrow.kind]}>{arrow.count}</text>}
        </g>
      ))}
      {layout.marks.map((mark) => (
        <g key={`m${mark.index}`} className="rs-spacetime-pick" data-kind={mark.kind}
          {...pickable(`m${mark.index}`, strings.markName(mark.count, strings.mark[mark.kind], mark.lane, formatTime(mark.t)), mark.t)}>
          <title>{strings.markTitle(mark.count, strings.mark[mark.kind], mark.lane, formatTime(mark.t))}</title>
          {mark.kind === 'fault' || mark.kind === 'failed' || mark.kind === 'lost'
            ? <path d={`M${mark.x - 5},${mark.y - 5}L${mark.x + 5},${mark.y + 5}M${mark.x - 5},${mark.y + 5}L${mark.x + 5},${mark.y - 5}`} stroke={MARK_COLOURS[mark.kind]} strokeWidth={mark.kind === 'fault' ? 3 : 2} />
            : <circle cx={mark.x} cy={mark.y} r={mark.current ? 5 : 3.5} fill={MARK_COLOURS[mark.kind]} />}
        </g>
      ))}
      <line x1={layout.playheadX} x2={layout.playheadX} y1={16} y2={layout.height} stroke={PLAYHEAD_COLOUR} strokeWidth={1.5} />
    </svg>
  );
});
