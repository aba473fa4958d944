/**
 * The queues of every user topic on every master broker, one cell per queue id: the panel that
 * shows why writeQueueNums > readQueueNums strands messages and readQueueNums >
 * writeQueueNums leaves consumers idle (MQClientInstance.topicRouteData2TopicPublishInfo /
 * topicRouteData2TopicSubscribeInfo: producers use writeQueueNums, consumers readQueueNums).
 */
import { Fragment, memo, useId, useMemo, useState } from 'react';
import { useRovingStop } from '../use-roving-stop.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import { barTransform, queueFill } from '../../viz/scales.ts';
import { formatCount } from '../../viz/format.ts';
import { brokerQueueSummary, queueCellCount, queuesCondensed, type BrokerQueueSummary } from './queue-summary.ts';
import { idleConsumers, queueTopics, type BrokerQueues, type IdleConsumer, type QueueCell } from './queue-model.ts';
import { derivedAt, EmptyPanel, PanelFrame, summaryAt, usePanelStrings } from './shared.tsx';
import type { PanelStrings } from './strings.ts';
import { QUEUE_PANEL_STRINGS, type QueuePanelStrings } from './queue-panel-strings.ts';
import { labelled, useWords } from '../i18n/index.ts';
import { REASON_STRINGS, type ReasonStrings } from './reason-strings.ts';
import { usePlayback } from '../../store/playback.ts';
import './counters.css';

/** The panels' shared words (a topic's queue counts) and the queue panel's own. */
type Strings = PanelStrings & QueuePanelStrings;

interface QueuePanelProps {
  className?: string;
}

function Badge({ on, letter }: { on: boolean; letter: 'W' | 'R' }) {
  return <span className={`rs-badge ${on ? 'rs-badge-on' : 'rs-badge-off'}`} aria-hidden="true">{letter}</span>;
}

/** The class of each fate of a queue no consumer may be given (queueFate); a readable one taken away by a master's outage is plain unreadable. */
const FATE_CLASS: Partial<Record<QueueCell['fate'], string>> = {
  never: 'rs-queue-never', pulled: 'rs-queue-pulled', filling: 'rs-queue-filling', drained: 'rs-queue-drained',
};

function cellClass(cell: QueueCell): string {
  const classes = ['rs-queue-cell'];
  const fate = FATE_CLASS[cell.fate];
  if (fate) classes.push(fate);
  else if (!cell.readable) classes.push('rs-queue-unreadable');
  if (cell.unwritten === 'idle') classes.push('rs-queue-idle');
  return classes.join(' ');
}

/** A readable queue producers no longer write to: still written by their old routes, draining, or idle. */
function UnwrittenNote({ cell, strings }: { cell: QueueCell; strings: Strings }) {
  switch (cell.unwritten) {
    case 'written': return <p className="rs-queue-note rs-queue-note-unwritten">{strings.stillWritten}</p>;
    case 'draining': return <p className="rs-queue-note rs-queue-note-unwritten">{strings.draining(Math.max(...Object.values(cell.lag)))}</p>;
    case 'idle': return <p className="rs-queue-note">{strings.idleQueue}</p>;
    case null: return null;
  }
}

function GroupOffsets({ cell, strings }: { cell: QueueCell; strings: Strings }) {
  const groups = Object.keys(cell.offsets).sort();
  if (groups.length === 0) return null;
  return (
    <dl className="rs-queue-groups">
      {groups.map((group) => (
        <div key={group} className={(cell.lag[group] ?? 0) > 0 ? 'rs-queue-lagging' : undefined}>
          <dt>{group}</dt>
          <dd>{cell.offsets[group] ?? 0} · {strings.lag} {cell.lag[group] ?? 0}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One queue. Its props are the cell (the same object while the queue does not change) and the
 * bar's transform as text, so a playing run re-renders only the queues that received or gave
 * out a message (and those whose bar moved by a thousandth).
 */
const Cell = memo(function Cell({ topic, broker, cell, fill, strings, causes, index, tabbable, onReached }: {
  topic: string; broker: string; cell: QueueCell; fill: string; strings: Strings; causes: ReasonStrings; index: number; tabbable: boolean; onReached: (index: number) => void;
}) {
  const language = usePlayback((s) => s.language);
  return (
    <li className={cellClass(cell)} data-testid={`queue-cell-${topic}-${broker}-${cell.queueId}`}
      data-writable={cell.writable} data-readable={cell.readable}>
      <span className="rs-visually-hidden">{strings.queueCellLabel(cell.queueId, cell.count, cell.writable, cell.readable)}</span>
      <div className="rs-queue-head">
        <button type="button" className="rs-queue-id rs-queue-open" aria-label={strings.openQueue(broker, cell.queueId)} data-testid={`queue-open-${topic}-${broker}-${cell.queueId}`}
          tabIndex={tabbable ? 0 : -1} onFocus={() => onReached(index)} onClick={() => usePlayback.getState().select({ kind: 'queue', topic, broker, queueId: cell.queueId })}>#{cell.queueId}</button>
        <span className="rs-queue-badges" aria-hidden="true"><Badge on={cell.writable} letter="W" /><Badge on={cell.readable} letter="R" /></span>
      </div>
      <div className="rs-queue-count" data-testid="queue-count" aria-hidden="true">{cell.count}</div>
      <div className="rs-queue-bar" aria-hidden="true"><span style={{ transform: fill }} /></div>
      {cell.fate === 'never' && <p className="rs-queue-note rs-queue-note-never">{labelled(strings.neverConsumable, cell.neverConsumable, language)}</p>}
      {cell.fate === 'pulled' && <p className="rs-queue-note rs-queue-note-pulled">{strings.queuePulled(cell.left, cell.pulledBy)}</p>}
      {cell.fate === 'filling' && <p className="rs-queue-note rs-queue-note-never">{strings.queueFilling}</p>}
      {cell.fate === 'drained' && <p className="rs-queue-note rs-queue-note-drained">{causes.drained}</p>}
      {cell.unwritten !== null && <UnwrittenNote cell={cell} strings={strings} />}
      {cell.readable && <GroupOffsets cell={cell} strings={strings} />}
    </li>
  );
});

/** A broker's name, its queue counts and perm, and what its master's outage or a wiped perm does to its queues. */
function BrokerHead({ topic, row, strings }: { topic: string; row: BrokerQueues; strings: Strings }) {
  return (
    <>
      <h4>
        {row.broker} <span className="rs-muted">{strings.queueCounts(row.writeQueueNums, row.readQueueNums, row.perm)}</span>
      </h4>
      {row.nameServerPerm && <p className="rs-queue-wiped" data-testid={`queue-wiped-${topic}-${row.broker}`}>{strings.nameServerPerm(row.nameServerPerm)}</p>}
      {row.down && <p className="rs-queue-down" data-testid={`queue-down-${topic}-${row.broker}`}>{strings.queueMasterDown(row.down)}</p>}
    </>
  );
}

function QueueGrid({ topic, row, maxCount, strings, causes }: { topic: string; row: BrokerQueues; maxCount: number; strings: Strings; causes: ReasonStrings }) {
  // One Tab stop per broker, its queues' buttons a toolbar, as its strip on the canvas (TopologyQueues.tsx).
  const { at, reach, onKeyDown } = useRovingStop(row.cells.length, '.rs-queue-open');
  return (
    <div role="toolbar" aria-label={`${topic} · ${row.broker}`} onKeyDown={onKeyDown}>
      <ol className="rs-queue-grid">
        {row.cells.map((cell, index) => (
          <Cell key={cell.queueId} topic={topic} broker={row.broker} cell={cell} fill={barTransform(queueFill(cell.count, maxCount))} strings={strings} causes={causes}
            index={index} tabbable={index === at} onReached={reach} />
        ))}
      </ol>
    </div>
  );
}

type RowProps = { topic: string; row: BrokerQueues; maxCount: number; strings: Strings; causes: ReasonStrings };

const BrokerRow = memo(function BrokerRow({ topic, row, maxCount, strings, causes }: RowProps) {
  return (
    <div className="rs-queue-broker">
      <BrokerHead topic={topic} row={row} strings={strings} />
      <QueueGrid topic={topic} row={row} maxCount={maxCount} strings={strings} causes={causes} />
    </div>
  );
});

/** The queues furthest behind, each a button that opens the queue's card as its cell does. */
function FurthestBehind({ topic, row, worst, strings }: { topic: string; row: BrokerQueues; worst: BrokerQueueSummary['worst']; strings: Strings }) {
  if (worst.length === 0) return null;
  return (
    <p className="rs-queue-worst" data-testid={`queue-worst-${topic}-${row.broker}`}>
      {strings.furthestBehind}{' '}
      {worst.map((queue, i) => (
        <Fragment key={queue.queueId}>
          {i > 0 && ' · '}
          <button type="button" className="rs-queue-open" aria-label={strings.openQueue(row.broker, queue.queueId)}
            onClick={() => usePlayback.getState().select({ kind: 'queue', topic, broker: row.broker, queueId: queue.queueId })}>
            {strings.behindQueue(queue.queueId, queue.lag, queue.neverConsumable)}
          </button>
        </Fragment>
      ))}
    </p>
  );
}

/**
 * A broker's queues at size (queue-summary.ts): one row with its totals and its queues furthest
 * behind; its cards are drawn only once opened, so the closed rows cost nothing while a run plays.
 */
const BrokerSummaryRow = memo(function BrokerSummaryRow({ topic, row, maxCount, strings, causes }: RowProps) {
  const [open, setOpen] = useState(false);
  const gridId = useId();
  const summary = brokerQueueSummary(row);
  return (
    <div className="rs-queue-broker rs-queue-broker-summary" data-testid={`queue-broker-${topic}-${row.broker}`}>
      <BrokerHead topic={topic} row={row} strings={strings} />
      <p className="rs-queue-sums">
        {strings.brokerMessages(formatCount(summary.messages), row.cells.length)} · <span className={summary.maxLag > 0 ? 'rs-queue-lagging' : undefined}>{strings.lagRange(summary.minLag, summary.maxLag)}</span>
        {summary.neverConsumable > 0 && <> · <span className="rs-queue-never-sum">{labelledCount(strings.neverConsumable, summary.neverConsumable)}</span></>}
      </p>
      <FurthestBehind topic={topic} row={row} worst={summary.worst} strings={strings} />
      <button type="button" className="rs-button rs-queue-expand" aria-expanded={open} aria-controls={gridId} data-testid={`queue-expand-${topic}-${row.broker}`}
        onClick={() => setOpen(!open)}>
        {open ? strings.hideQueues : strings.showQueues(row.cells.length)}
      </button>
      <div id={gridId}>{open && <QueueGrid topic={topic} row={row} maxCount={maxCount} strings={strings} causes={causes} />}</div>
    </div>
  );
});

/** "unconsumable 12": the word the cards use, with the broker's total. */
function labelledCount(word: string, count: number): string {
  return `${word} ${formatCount(count)}`;
}

const Legend = memo(function Legend({ strings, causes }: { strings: Strings; causes: ReasonStrings }) {
  return (
    <ul className="rs-legend rs-queue-legend">
      <li><Badge on letter="W" /> {strings.legendWritable}</li>
      <li><Badge on letter="R" /> {strings.legendReadable}</li>
      <li><span className="rs-swatch rs-swatch-never" aria-hidden="true" /> {strings.legendNeverConsumable}</li>
      <li><span className="rs-swatch rs-swatch-drained" aria-hidden="true" /> {causes.legendDrained}</li>
      <li><span className="rs-swatch rs-swatch-idle" aria-hidden="true" /> {strings.legendIdle}</li>
    </ul>
  );
});

const IdleConsumers = memo(function IdleConsumers({ idle, strings, causes }: { idle: IdleConsumer[]; strings: Strings; causes: ReasonStrings }) {
  return (
    <section className="rs-queue-idle-consumers" data-testid="idle-consumers">
      <h3>{strings.idleConsumers}</h3>
      {idle.length === 0 ? <p className="rs-muted">{strings.noIdleConsumers}</p> : (
        <ul>
          {idle.map((consumer) => (
            <li key={consumer.consumer} data-testid={`idle-consumer-${consumer.consumer}`}>
              <strong>{consumer.consumer}</strong> ({consumer.group}, {consumer.topic}): {causes.idle(consumer.reason)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});

export function QueuePanel({ className }: QueuePanelProps) {
  const view = useSimView(TEXT_PANEL_REFRESH);
  const shared = usePanelStrings();
  const own = useWords(QUEUE_PANEL_STRINGS);
  const strings = useMemo((): Strings => ({ ...shared, ...own }), [shared, own]);
  const causes = useWords(REASON_STRINGS);
  if (!view) return <EmptyPanel name="queues" title={strings.queueTitle} className={className} />;
  const { state } = view.timeline;
  const summary = summaryAt(view.timeline, view.timeMs);
  const topics = derivedAt(view.timeline, view.timeMs, 'queueTopics', () => queueTopics(state, summary));
  const idle = derivedAt(view.timeline, view.timeMs, 'idleConsumers', () => idleConsumers(state));
  const total = summary.messages.neverConsumable;
  const cells = queueCellCount(topics);
  const condensed = queuesCondensed(cells);
  const Row = condensed ? BrokerSummaryRow : BrokerRow;
  const aside = (
    <p className={`rs-queue-total${total > 0 ? ' rs-queue-total-warn' : ''}`}>
      {strings.neverConsumableTotal}<strong data-testid="never-consumable-total">{total}</strong>
    </p>
  );
  return (
    <PanelFrame name="queues" title={strings.queueTitle} className={className} aside={aside}>
      <p className="rs-queue-rule">{strings.queueRule}</p>
      <Legend strings={strings} causes={causes} />
      {topics.length === 0 && <p className="rs-muted">{strings.noUserTopics}</p>}
      {condensed && <p className="rs-muted" data-testid="queues-condensed">{strings.condensed(cells)}</p>}
      {topics.map((topic) => (
        <section key={topic.topic} className="rs-queue-topic">
          <h3>{topic.topic}</h3>
          {topic.brokers.map((row) => <Row key={row.broker} topic={topic.topic} row={row} maxCount={topic.maxCount} strings={strings} causes={causes} />)}
        </section>
      ))}
      <IdleConsumers idle={idle} strings={strings} causes={causes} />
    </PanelFrame>
  );
}
