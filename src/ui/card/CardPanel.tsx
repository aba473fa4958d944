/**
 * The card beside the page for a selected message (MessageCard) or queue (its latest messages,
 * each opening its own card). Loaded on demand: nothing of it is in the first load. Its facts
 * are a named query's answer: the card says aria-busy until the answer for the playhead shown
 * has come (docs/worker.md, "At rest").
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { usePlayback, type CardSelection } from '../../store/playback.ts';
import type { MessageLife } from '../../sim/queries/message-life.ts';
import type { QueueMessages } from '../../sim/queries/queue-messages.ts';
import { drawnNode, type NodeNamer } from '../broker-node-names.ts';
import { useBrokerNodeNamesAnswer } from '../use-broker-node-names.ts';
import { readQueueNumsOf } from '../../sim/index.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import { useSimQuery } from '../use-sim-query.ts';
import { ScrollArea } from '../controls/ScrollArea.tsx';
import { focusLost, useFocusReturn } from '../controls/use-focus-return.ts';
import { useWords } from '../i18n/index.ts';
import { useRegionRef } from '../regions.ts';
import { CARD_STRINGS, type CardStrings } from './card-strings.ts';
import { MessageCard } from './MessageCard.tsx';
import { messageFacts } from './message-facts.ts';
import { useDock } from './use-dock.ts';
import './card.css';

type QueueSelection = Extract<CardSelection, { kind: 'queue' }>;

/** The topic's readQueueNums on the queue's master now, when the queue's id is at or above it: no consumer is given the queue. */
function useUnreadBy(selection: QueueSelection): number | null {
  const view = useSimView(TEXT_PANEL_REFRESH);
  const read = view ? readQueueNumsOf(view.timeline.state, selection.broker, selection.topic) : undefined;
  return read !== undefined && selection.queueId >= read ? read : null;
}

function QueueList({ selection, queue, strings }: { selection: QueueSelection; queue: QueueMessages | null | undefined; strings: CardStrings }) {
  const unreadBy = useUnreadBy(selection);
  if (queue === undefined) return null;
  if (!queue || queue.latest.length === 0) return <p className="rs-muted">{strings.noMessages}</p>;
  return (
    <>
      {unreadBy !== null && <p className="rs-card-never" data-testid="queue-never">{strings.queueUnconsumable(unreadBy)}</p>}
      <p className="rs-muted">{strings.latestMessages(queue.latest.length, queue.maxOffset)}</p>
      <ul className="rs-card-list" data-testid="queue-latest">
        {queue.latest.map((message) => (
          <li key={message.queueOffset}>
            <button type="button" className="rs-card-link" aria-label={`#${message.queueOffset} ${message.msgId}: ${strings.open}`} data-testid="queue-message"
              onClick={() => usePlayback.getState().select({ kind: 'message', msgId: message.msgId })}>
              #{message.queueOffset} <span className="rs-mono">{message.msgId}</span>
            </button>{' '}
            <span className="rs-muted">{message.tags}{message.keys ? ` · ${message.keys}` : ''}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function MessageBody({ msgId, life, node, strings }: { msgId: string; life: MessageLife | undefined; node: NodeNamer; strings: CardStrings }) {
  const view = useSimView(TEXT_PANEL_REFRESH);
  if (!view || !life) return null;
  const facts = messageFacts(msgId, life);
  if (!facts) return <p>{strings.notAMsgId}</p>;
  return <MessageCard facts={facts} state={view.timeline.state} node={node} strings={strings} />;
}

/** A card a chapter's step opened leaves focus on the lesson's Next: Enter goes on to the next step. */
function notFromTheLesson(opener: Element | null): boolean {
  return !(opener instanceof Element && opener.closest('[data-testid="chapter"]'));
}

/** Escape inside the card closes it (the page's own shortcuts ignore Escape unless help is open). */
function closeOnEscape(event: KeyboardEvent): void {
  if (event.key !== 'Escape') return;
  event.stopPropagation();
  usePlayback.getState().select(null);
}

export function CardPanel({ selection }: { selection: CardSelection }) {
  const strings = useWords(CARD_STRINGS);
  const headingId = useId();
  const card = useRef<HTMLElement>(null);
  // The lesson's step about a part of the card scrolls it (learn/use-card-section.ts).
  const cardRegion = useRegionRef('messageCard', card);
  useFocusReturn(card, notFromTheLesson);
  // A message picked in a queue's list replaces the list, and the button that had focus with it.
  const shown = selection.kind === 'message' ? selection.msgId : `${selection.broker}/${selection.topic}/${selection.queueId}`;
  useEffect(() => {
    if (focusLost()) card.current?.focus({ preventScroll: true });
  }, [shown]);
  const dock = useDock();
  // The message's events since its birth, and a queue's latest units (which may point far back
  // into the CommitLog), are read where the run lives: the page holds only the latest events.
  const life = useSimQuery('messageLife', selection.kind === 'message' ? { by: 'msgId', value: selection.msgId } : null);
  const language = usePlayback((s) => s.language);
  const { names, pending: namesPending } = useBrokerNodeNamesAnswer(TEXT_PANEL_REFRESH);
  const node: NodeNamer = (e, brokerId, stale) => drawnNode(names, language, e, brokerId, stale);
  const queue = useSimQuery('queueMessages', selection.kind === 'queue' ? { broker: selection.broker, topic: selection.topic, queueId: selection.queueId } : null);
  const title = selection.kind === 'message' ? strings.title(selection.msgId) : strings.queueTitle(selection.broker, selection.queueId, selection.topic);
  return (
    <aside ref={cardRegion} tabIndex={-1} className={`rs-card${dock.docked ? ' rs-card-docked' : ''}`} style={dock.style ?? undefined} role="dialog" aria-modal="false" aria-labelledby={headingId} data-testid="message-card" aria-busy={life.pending || queue.pending || namesPending} onKeyDown={closeOnEscape}>
      <header className="rs-card-header">
        <h2 id={headingId} className="rs-card-title">
          {/* A msgId kept on one line: broken anywhere, a reader copying it by eye would lose its place. */}
          {selection.kind === 'message' ? <>{strings.message} <span className="rs-mono rs-card-msgid">{selection.msgId}</span></> : title}
        </h2>
        <button type="button" className="rs-button rs-button-small" data-testid="card-close" onClick={() => usePlayback.getState().select(null)}>{strings.close}</button>
      </header>
      <ScrollArea className="rs-card-body" label={title}>
        {selection.kind === 'message'
          ? <MessageBody msgId={selection.msgId} life={life.data} node={node} strings={strings} />
          : <QueueList selection={selection} queue={queue.data} strings={strings} />}
      </ScrollArea>
    </aside>
  );
}
