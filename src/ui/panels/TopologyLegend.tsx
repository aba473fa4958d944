/** What the lines, dots and queue cells of the topology mean (loaded after the first paint). */
import { memo } from 'react';
import { formatDuration } from '../../viz/format.ts';
import type { PanelStrings } from './strings.ts';
import type { LinkKind } from './topology-model.ts';
import type { TopologyStrings } from './topology-strings.ts';

interface LegendProps {
  strings: PanelStrings;
  canvasStrings: TopologyStrings;
  /** The queues are heat rows (a crowded cluster): say what their shades mean. */
  heat: boolean;
  /** Each client's chosen NameServer is drawn (drawsChosenNameServer). */
  chosenNameServer: boolean;
  /** A message has been lost by now: its mark has been drawn. */
  lost: boolean;
  /** A drained queue (id >= readQueueNums, nothing left, nothing written) is drawn: say what its green means. */
  drained: boolean;
  /** Virtual length of a dot's flight at the current speed. */
  flightMs: number;
}

const CELL_CLASS: Record<string, string> = {
  readable: 'readable', never: 'unreadable rs-qcell-never', drained: 'unreadable rs-qcell-drained', written: 'readable rs-qcell-written',
};

export const TopologyLegend = memo(function TopologyLegend({ strings, canvasStrings, heat, chosenNameServer, lost, drained, flightMs }: LegendProps) {
  const links: [LinkKind | 'owner', string][] = [
    ['registered', strings.legendRegistered], ['notListed', strings.legendNotListed],
    ...(chosenNameServer ? [['chosenNameServer', strings.legendChosenNameServer] as [LinkKind, string]] : []),
    ['canWrite', strings.legendCanWrite], ['owner', canvasStrings.legendOwner],
  ];
  const dots = [
    ...Object.entries(strings.dots), ['retried', canvasStrings.dotRetried], ['failed', canvasStrings.dotFailed],
    ...(lost ? [['lost', canvasStrings.dotLost]] : []),
  ];
  const cells: [string, string][] = [
    ['readable', canvasStrings.legendQueueReadable], ['never', canvasStrings.legendQueueNever],
    ...(drained ? [['drained', canvasStrings.legendQueueDrained] as [string, string]] : []),
    ['written', canvasStrings.legendQueueWritten],
  ];
  return (
    <ul className="rs-legend rs-topology-legend">
      {heat && <li><svg width="28" height="14" aria-hidden="true">{[0, 1, 2, 3].map((level) => <rect key={level} className={`rs-qheat-level rs-qheat-${level}`} x={1 + level * 6.5} y="1" width="6.5" height="12" />)}</svg>{canvasStrings.legendQueueHeat}</li>}
      {cells.map(([kind, label]) => (
        <li key={kind}><svg width="14" height="14" aria-hidden="true" className={`rs-qcell rs-qcell-${CELL_CLASS[kind]}`}>
          <rect className="rs-qcell-frame" x="1" y="1" width="12" height="12" rx="2" />{kind === 'written' && <rect className="rs-qcell-w" x="1" y="1" width="12" height="2" />}</svg>{label}</li>
      ))}
      {links.map(([kind, label]) => (
        <li key={kind}><svg width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" className={`rs-link rs-link-${kind}`} /></svg>{label}</li>
      ))}
      {dots.map(([kind, label]) => (
        <li key={kind}><span className={`rs-dot-swatch rs-dot-${kind}`} aria-hidden="true" />{label}</li>
      ))}
      <li className="rs-legend-note" data-testid="legend-flight">{canvasStrings.dotFlight(formatDuration(flightMs))}</li>
    </ul>
  );
});

