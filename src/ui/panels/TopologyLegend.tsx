/** What the lines, dots and queue cells of the topology mean (loaded after the first paint). */
import { memo } from 'react';
import { usePlayback } from '../../store/playback.ts';
import { formatPeriod } from '../../viz/format.ts';
import type { LinkKind } from './topology-model.ts';
import type { DotKind } from './topology-geometry.ts';
import { useTopologyLegendStrings } from './topology-legend-strings.ts';

interface LegendProps {
  /** The queues are heat rows (a crowded cluster): say what their shades mean. */
  heat: boolean;
  /** The dots are streams, a few per line (a crowded cluster, topology-streams.ts): say what a dot and its size mean. */
  streams?: boolean;
  /** Each client's chosen NameServer is drawn (drawsChosenNameServer). */
  chosenNameServer: boolean;
  /** A message has been lost by now: its mark has been drawn. */
  lost: boolean;
  /** A drained queue (id >= readQueueNums, nothing left, nothing written) is drawn: say what its green means. */
  drained: boolean;
  /** Virtual length of a dot's flight at the current speed. */
  flightMs: number;
}

type CellKind = 'readable' | 'never' | 'drained' | 'written' | 'fill';

const CELL_CLASS: Record<CellKind, string> = {
  readable: 'readable', never: 'unreadable rs-qcell-never', drained: 'unreadable rs-qcell-drained', written: 'readable rs-qcell-written', fill: 'readable',
};

/** A cell's swatch: its frame, and the blue edge or the fill with its dark top the row names. */
function CellSwatch({ kind }: { kind: CellKind }) {
  return (
    <svg width="14" height="14" aria-hidden="true" className={`rs-qcell rs-qcell-${CELL_CLASS[kind]}`}>
      <rect className="rs-qcell-frame" x="1" y="1" width="12" height="12" rx="2" />
      {kind === 'written' && <rect className="rs-qcell-w" x="1" y="1" width="12" height="2" />}
      {kind === 'fill' && <><rect className="rs-qcell-fill" x="2" y="5" width="10" height="7" /><rect className="rs-qcell-backlog" x="2" y="5" width="10" height="3" /></>}
    </svg>
  );
}

/** The heat row's shades, each with the lag it starts at. */
function LagShades({ words }: { words: readonly string[] }) {
  return (
    <span className="rs-legend-shades">
      {words.map((label, level) => (
        <span key={level} className="rs-legend-shade"><svg width="12" height="12" aria-hidden="true"><rect className={`rs-qheat-level rs-qheat-${level}`} x="0" y="0" width="12" height="12" /></svg>{label}</span>
      ))}
    </span>
  );
}

/** Dots of the four sizes a stream's dot takes (streamSize): radius 4 to 7 layout units. */
function StreamSwatch() {
  return <svg className="rs-stream-swatch" width="58" height="16" aria-hidden="true">{[4, 5, 6, 7].map((radius, size) => <circle key={size} cx={5 + size * 15} cy="8" r={radius * 0.75} />)}</svg>;
}

export const TopologyLegend = memo(function TopologyLegend({ heat, streams = false, chosenNameServer, lost, drained, flightMs }: LegendProps) {
  const words = useTopologyLegendStrings();
  const language = usePlayback((s) => s.language);
  const links: [LinkKind | 'owner', string][] = [
    ['registered', words.registered], ['notListed', words.notListed],
    ...(chosenNameServer ? [['chosenNameServer', words.chosenNameServer] as [LinkKind, string]] : []),
    ['canWrite', words.canWrite], ['owner', words.owner],
  ];
  const dots = (Object.entries(words.dots) as [DotKind, string][]).filter(([kind]) => kind !== 'lost' || lost);
  const cells: [CellKind, string][] = [
    ['readable', words.queueReadable], ['never', words.queueNever],
    ...(drained ? [['drained', words.queueDrained] as [CellKind, string]] : []),
    ['written', words.queueWritten],
    ...(heat ? [] : [['fill', words.queueFill] as [CellKind, string]]),
  ];
  return (
    <ul className="rs-legend rs-topology-legend">
      {heat && <li data-testid="legend-heat">{words.queueHeat} <LagShades words={words.queueLagLevels} /></li>}
      {cells.map(([kind, label]) => <li key={kind}><CellSwatch kind={kind} />{label}</li>)}
      {links.map(([kind, label]) => (
        <li key={kind}><svg width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" className={`rs-link rs-link-${kind}`} /></svg>{label}</li>
      ))}
      {dots.map(([kind, label]) => (
        <li key={kind}><span className={`rs-dot-swatch rs-dot-${kind}`} aria-hidden="true" />{label}</li>
      ))}
      {streams && <li data-testid="legend-streams"><StreamSwatch />{words.dotStreams}</li>}
      <li className="rs-legend-note" data-testid="legend-flight">{words.dotFlight(formatPeriod(flightMs, language))}</li>
    </ul>
  );
});
