/**
 * A crowded cluster's queues: each master's queues of the topic in view as one heat row (darker
 * = more lag, orange = messages no consumer can pull, a blue top edge = producers write
 * it). The row is one button: a click opens the queue under the pointer, and ← → pick a queue
 * (outlined, and said in the row's accessible name) that Enter opens. The row's name and title
 * say its lag and what the shade means (its words are here, in the queues' lazy chunk).
 */
import { memo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Bilingual } from '../../scenario/language.ts';
import { usePlayback } from '../../store/playback.ts';
import { useWords } from '../i18n/index.ts';
import type { HeatRow } from './topology-heat.ts';
import { cellAt } from './topology-heat.ts';
import type { TopologyStrings } from './topology-strings.ts';
import { moveIndex, type IndexMoves } from '../keys.ts';

function layoutX(event: MouseEvent<SVGGElement>): number | null {
  const matrix = event.currentTarget.ownerSVGElement?.getScreenCTM()?.inverse();
  return matrix ? new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix).x : null;
}

/** The row takes ← → only, stopping at its ends; Home and End go on to the page's shortcuts (ui/commands.ts). */
const CELL_MOVES: IndexMoves = { axis: 'horizontal', ends: false };

interface HeatWords {
  /** The row's lag, from its least to its most on one queue, and what the shade means (HEAT_LAGS). */
  rowLag: (low: number, high: number) => string;
}

const lagRange = (low: number, high: number, locale: string) => (low === high ? low.toLocaleString(locale) : `${low.toLocaleString(locale)}–${high.toLocaleString(locale)}`);

const HEAT_WORDS: Bilingual<HeatWords> = {
  en: { rowLag: (low, high) => `Lag ${lagRange(low, high, 'en')} messages a queue. The shade is the lag, the messages the group furthest behind has yet to consume: pale under 10, darker from 10, 100 and 1,000.` },
  zh: { rowLag: (low, high) => `每个队列堆积 ${lagRange(low, high, 'zh-CN')} 条消息。颜色表示堆积，即落后最多的消费者组尚未消费的消息数：少于 10 条为浅色，达到 10、100、1,000 条逐级加深。` },
};

interface RowProps {
  row: HeatRow;
  topic: string;
  strings: TopologyStrings;
  words: HeatWords;
}

const Row = memo(function Row({ row, topic, strings, words }: RowProps) {
  const [active, setActive] = useState<number | null>(null);
  const open = (index: number) => {
    const queue = row.queues[index];
    if (queue) usePlayback.getState().select({ kind: 'queue', topic, broker: queue.broker, queueId: queue.queueId });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const next = moveIndex(event.key, active ?? 0, row.cells.length, CELL_MOVES);
    if (next !== null) {
      event.preventDefault();
      // The first arrow outlines the first queue, whichever way it points.
      setActive(active === null ? 0 : next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(active ?? 0);
    }
  };
  const onPointer = (event: MouseEvent<SVGGElement>) => {
    const x = layoutX(event);
    if (x !== null) setActive(cellAt(row, x));
  };
  const activeQueue = active === null ? undefined : row.queues[active];
  const activeCell = active === null ? undefined : row.cells[active];
  const summary = `${strings.queueStrip(row.queues[0]!.broker, topic, row.queues.length, row.messages)} ${words.rowLag(row.lagLow, row.lagHigh)}`;
  const name = activeQueue ? `${strings.queueCell(activeQueue)}. ${summary}` : summary;
  return (
    <g className="rs-qheat" role="button" tabIndex={0} aria-label={name} data-testid={`canvas-queues-${row.node}`} data-messages={row.messages}
      onClick={(event) => { const x = layoutX(event); if (x !== null) open(cellAt(row, x)); }} onKeyDown={onKeyDown}
      onMouseMove={onPointer} onMouseLeave={() => setActive(null)} onBlur={() => setActive(null)}>
      <title>{name}</title>
      <rect className="rs-qheat-frame" x={row.frame.x} y={row.frame.y} width={row.frame.width} height={row.frame.height} />
      {row.levels.map((d, level) => d && <path key={level} className={`rs-qheat-level rs-qheat-${level}`} d={d} />)}
      {row.never && <path className="rs-qheat-never" d={row.never} />}
      {row.written && <path className="rs-qcell-w" d={row.written} />}
      {activeCell && <rect className="rs-qheat-active" x={activeCell.x} y={activeCell.y} width={activeCell.width} height={activeCell.height} />}
    </g>
  );
});

export function HeatRows({ rows, topic, strings }: { rows: HeatRow[]; topic: string; strings: TopologyStrings }) {
  const words = useWords(HEAT_WORDS);
  return <g className="rs-qheats">{rows.map((row) => <Row key={row.node} row={row} topic={topic} strings={strings} words={words} />)}</g>;
}
