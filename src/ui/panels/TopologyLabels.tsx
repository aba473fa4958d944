/**
 * The brokers' names, statuses and group titles drawn over the canvas of moving dots: messages land in the
 * queue cells just below a broker's name, and at 10x speed a pile of dots would hide it. The
 * text carries a halo in the panel's colour, so it stays readable above any dot; the layer takes
 * no pointer events (a click goes to the dot or the broker beneath).
 */
import { createContext, memo, useContext, type ReactNode } from 'react';
import { fitText } from '../../viz/format.ts';
import type { Box } from '../../viz/paths.ts';
import type { TopologyLayout } from '../../viz/topology-layout.ts';
import type { Scenario } from '../../sim/index.ts';
import type { EntityStatus } from './strings.ts';

/** Font sizes of a box's name and of its status line (.rs-node-label, .rs-node-detail in panels.css), and the box's side padding. */
const LABEL_FONT = 12.5;
const DETAIL_FONT = 11;
const TEXT_PADDING = 8;

/**
 * How much larger than on the page the canvas's text is drawn (canvasTextZoom: presenting); the
 * stage's --rs-canvas-text says it to panels.css, which sizes the text, and this to the cuts.
 */
export const CanvasTextZoom = createContext(1);

/** Inside a box's border: what a text drawn there carries past it is clipped (an svg viewport clips what overflows it). */
const CLIP_INSET = 2;

/**
 * A box's text, clipped to the box: fitText cuts a name by an estimate of its width, which a run
 * of wide letters (W, m) still overruns by half; clipped, such a name ends at the box's edge
 * instead of running over its neighbours. Children are placed relative to the box's top left.
 */
function InBox({ box, children }: { box: Box; children: ReactNode }) {
  return (
    <svg x={box.x + CLIP_INSET} y={box.y} width={Math.max(0, box.width - 2 * CLIP_INSET)} height={box.height} overflow="hidden" data-testid="box-text">
      <g transform={`translate(${-CLIP_INSET} 0)`}>{children}</g>
    </svg>
  );
}

/**
 * The status line a box shows: `detail` if it fits, else the first of its shorter forms that does
 * ("running · W64/R64" for "running · TopicLarge W 64 / R 64"), else the shortest cut: a narrow
 * box of a large cluster cut every broker's line at "W 64 / …", its read queues never seen.
 */
export function fitDetail(detail: string, shorter: readonly string[], widthPx: number, fontPx = DETAIL_FONT): string {
  for (const text of [detail, ...shorter]) if (fitText(text, widthPx, fontPx) === text) return text;
  return fitText(shorter.at(-1) ?? detail, widthPx, fontPx);
}

const NO_SHORTER: readonly string[] = [];

/** A process's name and status line inside its box (also used by the boxes of the diagram). */
export function NodeText({ box, label, detail, shorter = NO_SHORTER }: { box: Box; label: string; detail: string; shorter?: readonly string[] | undefined }) {
  const zoom = useContext(CanvasTextZoom);
  // The status line's baseline moves down with the larger type, staying above the queue cells (queue-strip.ts).
  return (
    <InBox box={box}>
      <text x={TEXT_PADDING} y={Math.min(box.height, 40) / 2 - 3} className="rs-node-label">{fitText(label, box.width - 2 * TEXT_PADDING, LABEL_FONT * zoom, 'bold')}</text>{' '}
      <text x={TEXT_PADDING} y={Math.min(box.height, 40) / 2 - 3 + 14 * zoom} className="rs-node-detail">{fitDetail(detail, shorter, box.width - 2 * TEXT_PADDING, DETAIL_FONT * zoom)}</text>
    </InBox>
  );
}

/** Whether NodeText cuts the name or the status line short in this box at this zoom (the box then shows them whole on hover). */
export function nodeTextCut(box: Box, label: string, detail: string, zoom = 1): boolean {
  return fitText(label, box.width - 2 * TEXT_PADDING, LABEL_FONT * zoom, 'bold') !== label || fitText(detail, box.width - 2 * TEXT_PADDING, DETAIL_FONT * zoom) !== detail;
}

export interface BrokerLabel {
  node: string;
  label: string;
  detail: string;
  /** Shorter forms of `detail`, for a narrow box (fitDetail). */
  shorter: readonly string[];
  status: EntityStatus;
}

/** The font size of a group's bold title (.rs-group-title). */
const GROUP_TITLE_FONT = 12.5;

/** A group's title in the top-left corner of its frame. */
export function GroupTitle({ box, title }: { box: Box; title: string }) {
  const zoom = useContext(CanvasTextZoom);
  return <InBox box={box}><text x={TEXT_PADDING} y={17} className="rs-group-title">{fitText(title, box.width - 2 * TEXT_PADDING, GROUP_TITLE_FONT * zoom, 'bold')}</text></InBox>;
}

const groupTitles = new WeakMap<Scenario['brokers'], Record<string, string>>();

/**
 * Each broker group's title: "Broker broker-a", and where the brokers belong to more than one
 * cluster, its cluster too ("Broker broker-c · OtherCluster"): which masters a cluster-wide
 * updateTopic (-c) reaches is then on the drawing, not only in the inspector.
 */
export function brokerGroupTitles(brokers: Scenario['brokers']): Record<string, string> {
  let titles = groupTitles.get(brokers);
  if (!titles) {
    const clusters = new Set(brokers.map((broker) => broker.cluster));
    titles = Object.fromEntries(brokers.map((broker) => [broker.name, clusters.size > 1 ? `Broker ${broker.name} · ${broker.cluster}` : `Broker ${broker.name}`]));
    groupTitles.set(brokers, titles);
  }
  return titles;
}

export const TopologyLabels = memo(function TopologyLabels({ labels, layout, scale, titles }: { labels: BrokerLabel[]; layout: TopologyLayout; scale: number; titles: Record<string, string> }) {
  return (
    <svg className="rs-topology-labels" width={layout.width * scale} height={layout.height * scale} viewBox={`0 0 ${layout.width} ${layout.height}`} aria-hidden="true" data-testid="topology-labels">
      <g className="rs-node-text">
        {Object.entries(layout.brokerGroups).map(([name, box]) => !layout.untitledGroups.includes(name) && <GroupTitle key={name} box={box} title={titles[name] ?? `Broker ${name}`} />)}
      </g>
      {labels.map(({ node, label, detail, shorter, status }) => {
        const box = layout.brokers[node];
        return box && <g key={node} className={`rs-node-text rs-status-${status}`}><NodeText box={box} label={label} detail={detail} shorter={shorter} /></g>;
      })}
    </svg>
  );
});
