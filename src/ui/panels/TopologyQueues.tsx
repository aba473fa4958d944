/**
 * The queues of the topic in view, drawn inside each master: one cell per queue id, filled by
 * its message count with a dark top for what some group has yet to consume, its top edge blue
 * while producers write it, dashed and orange when it holds messages no consumer can ever pull
 * (id >= readQueueNums), dashed and green when such a queue is drained (nothing left, nothing
 * written), as in the queue panel. Each cell is a button named for a
 * screen reader ("broker-a queue 5: 81 messages, not consumed until readQueueNums is raised"); it opens the queue's latest
 * messages. A broker's cells are one toolbar (WAI-ARIA's toolbar pattern, roving tabindex): one Tab
 * stop per broker, ← → move between its cells, Home and End go to the first and the last, and the
 * cell last reached is the one Tab comes back to. The lines from each queue to the consumer that
 * owns it now are drawn over the boxes.
 * A crowded cluster draws each master's queues as one heat row instead (TopologyHeat.tsx), and
 * one line from the broker to each owner.
 */
import { memo, useId, type KeyboardEvent } from 'react';
import { usePlayback } from '../../store/playback.ts';
import { linkPath, type Box } from '../../viz/paths.ts';
import { cellShowsId } from '../../viz/queue-strip.ts';
import type { TopologyLayout } from '../../viz/topology-layout.ts';
import type { EntityRef } from './topology-model.ts';
import { HeatRows } from './TopologyHeat.tsx';
import { heatRows } from './topology-heat.ts';
import type { SimView } from '../use-sim.ts';
import { derivedAt, summaryAt } from './shared.tsx';
import { linkOf, perLayout } from './topology-geometry.ts';
import type { TopologyModel } from './topology-model.ts';
import { canvasQueues, ownersByCell, queueStrips, type CanvasQueue, type QueueStrip } from './topology-queues.ts';
import { useTopologyStrings, type TopologyStrings } from './topology-strings.ts';
import { useRovingStop } from '../use-roving-stop.ts';

function openQueue(topic: string, queue: CanvasQueue): void {
  usePlayback.getState().select({ kind: 'queue', topic, broker: queue.broker, queueId: queue.queueId });
}

function cellClass(queue: CanvasQueue): string {
  const classes = ['rs-qcell'];
  classes.push(queue.readable ? 'rs-qcell-readable' : 'rs-qcell-unreadable');
  if (queue.fate === 'drained') classes.push('rs-qcell-drained');
  else if (!queue.readable && queue.count > 0) classes.push('rs-qcell-never');
  if (queue.writable) classes.push('rs-qcell-written');
  return classes.join(' ');
}

interface CellProps {
  cellId: string;
  box: Box;
  queue: CanvasQueue;
  maxCount: number;
  topic: string;
  strings: TopologyStrings;
  /** Its index in the strip, told to onReached when it takes focus (by Tab, an arrow or a click). */
  index: number;
  /** The strip's one Tab stop. */
  tabbable: boolean;
  onReached: (index: number) => void;
}

/**
 * The heights of a cell's fill (its messages, against the fullest cell's) and of its dark top: the
 * messages the group furthest behind has not consumed, so a backlog draining is seen on the
 * canvas. A queue no consumer may pull keeps one colour: its never or drained look says it all.
 */
function fillHeights(box: Box, queue: CanvasQueue, maxCount: number): { fill: number; backlog: number; behind: number | undefined } {
  const scale = maxCount > 0 ? (box.height - 2) / maxCount : 0;
  const fill = scale * Math.min(maxCount, queue.count);
  const behind = queue.readable ? Math.max(0, queue.count - queue.consumed) : undefined;
  return { fill, backlog: behind ? Math.min(fill, Math.max(1, scale * behind)) : 0, behind };
}

/** A finger's target (WCAG 2.5.8): the cell's invisible hit area is at least this tall. */
const HIT_MIN_HEIGHT = 24;

const Cell = memo(function Cell({ cellId, box, queue, maxCount, topic, strings, index, tabbable, onReached }: CellProps) {
  const { fill, backlog, behind } = fillHeights(box, queue, maxCount);
  const hitHeight = Math.max(HIT_MIN_HEIGHT, box.height);
  const nameId = useId();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    openQueue(topic, queue);
  };
  // The <title> is the cell's tooltip and, through aria-labelledby, its name for a screen reader:
  // the words change at most moves, so they are made and written once, not again in an aria-label.
  return (
    <g className={cellClass(queue)} role="button" tabIndex={tabbable ? 0 : -1} aria-labelledby={nameId} data-testid={`canvas-queue-${cellId}`}
      data-count={queue.count} data-backlog={behind} data-readable={queue.readable} onClick={() => openQueue(topic, queue)} onKeyDown={onKeyDown}
      onFocus={() => onReached(index)}>
      <title id={nameId}>{strings.queueCell(queue)}</title>
      <rect className="rs-qcell-hit" x={box.x} y={box.y + box.height / 2 - hitHeight / 2} width={box.width} height={hitHeight} />
      <rect className="rs-qcell-frame" x={box.x} y={box.y} width={box.width} height={box.height} rx={2} />
      {fill > 0 && <rect className="rs-qcell-fill" x={box.x + 1} y={box.y + box.height - 1 - fill} width={box.width - 2} height={fill} />}
      {backlog > 0 && <rect className="rs-qcell-backlog" x={box.x + 1} y={box.y + box.height - 1 - fill} width={box.width - 2} height={backlog} />}
      {queue.writable && <rect className="rs-qcell-w" x={box.x} y={box.y} width={box.width} height={2} />}
      {cellShowsId(box) && <text className="rs-qcell-id" x={box.x + box.width / 2} y={box.y + box.height - 4} textAnchor="middle">{queue.queueId}</text>}
    </g>
  );
});

interface StripProps {
  strip: QueueStrip;
  boxes: Record<string, Box>;
  maxCount: number;
  topic: string;
  strings: TopologyStrings;
}

/** One broker's cells as one toolbar: a single Tab stop whose arrows move between its cells (use-roving-stop.ts). */
const Strip = memo(function Strip({ strip, boxes, maxCount, topic, strings }: StripProps) {
  // Only cells the layout placed are drawn, so the arrows count those.
  const cells = strip.cells.flatMap(({ cellId, queue }) => { const box = boxes[cellId]; return box ? [{ cellId, queue, box }] : []; });
  const { at, reach, onKeyDown } = useRovingStop(cells.length, '.rs-qcell');
  const first = cells[0];
  const label = first ? strings.queueStrip(first.queue.broker, topic, cells.length, strip.messages) : undefined;
  return (
    <g role="toolbar" aria-label={label} data-testid={`canvas-strip-${strip.node}`} onKeyDown={onKeyDown}>
      {cells.map(({ cellId, queue, box }, index) => (
        <Cell key={cellId} cellId={cellId} box={box} queue={queue} maxCount={maxCount} topic={topic} strings={strings}
          index={index} tabbable={index === at} onReached={reach} />
      ))}
    </g>
  );
});

/** With heat rows, an owner's line starts at its queue's broker: one line per broker and owner's node. */
function ownerFrom(ref: EntityRef, heat: boolean): EntityRef {
  return heat ? { kind: 'broker', id: ref.id.slice(0, ref.id.lastIndexOf('#')) } : ref;
}

/** Each owner line's path, found once per layout (perLayout). */
const ownerPath = perLayout((layout, from, to) => {
  const link = linkOf(layout, from, to);
  return link && linkPath(link);
});

/**
 * Queue → owner lines over the boxes, so each starts visibly at its own cell (each line once).
 * Each is keyed by the queue (or the heat row's broker) it starts from and its place among that
 * start's lines, not by its path: a queue whose owner changed at a move is the same line with a
 * new path (one attribute, and a move to its owner's place), not a line removed and another made.
 * They keep the model's order (by owner): where two cross, the later is drawn over the earlier.
 */
const OwnerLines = memo(function OwnerLines({ model, layout }: { model: TopologyModel; layout: TopologyLayout }) {
  const paths = new Map<string, string>();
  const starts = new Map<string, number>();
  for (const spec of model.links) {
    const from = spec.from.kind === 'queue' ? ownerFrom(spec.from, layout.density.queueHeat) : null;
    const d = from && ownerPath(layout, from, spec.to);
    if (!from || !d || paths.has(d)) continue;
    const nth = starts.get(from.id) ?? 0;
    starts.set(from.id, nth + 1);
    paths.set(d, `${from.id} ${nth}`);
  }
  return (
    <g className="rs-owner-links" aria-hidden="true">
      {[...paths].map(([d, key]) => <path key={key} d={d} className="rs-link rs-link-owner" data-link="owner" />)}
    </g>
  );
});

export function TopologyQueues({ view, model, layout }: { view: SimView; model: TopologyModel; layout: TopologyLayout }) {
  const strings = useTopologyStrings();
  const topic = model.topic;
  if (topic === null) return null;
  const slots = model.input.queueSlots ?? {};
  const queues = derivedAt(view.timeline, view.timeMs, `canvasQueues:${topic}`,
    () => canvasQueues(view.timeline.state, topic, slots, ownersByCell(model.links), summaryAt(view.timeline, view.timeMs).queues));
  if (layout.density.queueHeat) {
    return (
      <>
        <HeatRows rows={heatRows(queues, slots, layout.queues)} topic={topic} strings={strings} />
        <OwnerLines model={model} layout={layout} />
      </>
    );
  }
  const maxCount = Math.max(0, ...Object.values(queues).map((queue) => queue.count));
  const strips = derivedAt(view.timeline, view.timeMs, `queueStrips:${topic}`, () => queueStrips(queues));
  return (
    <>
      <g className="rs-qcells">
        {strips.map((strip) => <Strip key={strip.node} strip={strip} boxes={layout.queues} maxCount={maxCount} topic={topic} strings={strings} />)}
      </g>
      <OwnerLines model={model} layout={layout} />
    </>
  );
}
