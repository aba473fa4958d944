/**
 * The card beside the page for a selected message (MessageCard) or queue (its latest messages,
 * each opening its own card). Loaded on demand: nothing of it is in the first load.
 */
import { useId, useRef, type KeyboardEvent } from 'react';
import { usePlayback, type Selection } from '../../store/playback.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import { useSimQuery } from '../use-sim-query.ts';
import { ScrollArea } from '../controls/ScrollArea.tsx';
import { useFocusReturn } from '../controls/use-focus-return.ts';
import { useWords } from '../i18n/index.ts';
import { CARD_STRINGS, type CardStrings } from './card-strings.ts';
import { MessageCard } from './MessageCard.tsx';
import { messageFacts } from './message-facts.ts';
import { useDock } from './use-dock.ts';
import './card.css';

type CardSelection = Extract<NonNullable<Selection>, { kind: 'message' | 'queue' }>;

function QueueList({ selection, strings }: { selection: Extract<CardSelection, { kind: 'queue' }>; strings: CardStrings }) {
  // The latest units may point far back into the CommitLog: read where the run lives.
  const queue = useSimQuery('queueMessages', { broker: selection.broker, topic: selection.topic, queueId: selection.queueId }).data;
  if (queue === undefined) return null;
  if (!queue || queue.latest.length === 0) return <p className="rs-muted">{strings.noMessages}</p>;
  return (
    <>
      <p className="rs-muted">{strings.latestMessages(queue.latest.length, queue.maxOffset)}</p>
      <ul className="rs-card-list" data-testid="queue-latest">
        {queue.latest.map((message) => (
          <li key={message.queueOffset}>
            <button type="button" className="rs-card-link" aria-label={`${strings.open}: ${message.msgId}`} data-testid="queue-message"
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

function MessageBody({ msgId, strings }: { msgId: string; strings: CardStrings }) {
  const view = useSimView(TEXT_PANEL_REFRESH);
  // The message's events since its birth are read where the run lives: the page holds only the latest.
  const life = useSimQuery('messageLife', { by: 'msgId', value: msgId });
  if (!view || !life.data) return null;
  const facts = messageFacts(msgId, life.data);
  if (!facts) return <p>{strings.notAMsgId}</p>;
  return <MessageCard facts={facts} state={view.timeline.state} strings={strings} />;
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
  useFocusReturn(card);
  const docked = useDock();
  const title = selection.kind === 'message' ? strings.title(selection.msgId) : strings.queueTitle(selection.broker, selection.queueId, selection.topic);
  return (
    <aside ref={card} tabIndex={-1} className={`rs-card${docked ? ' rs-card-docked' : ''}`} style={docked ?? undefined} role="dialog" aria-modal="false" aria-labelledby={headingId} data-testid="message-card" onKeyDown={closeOnEscape}>
      <header className="rs-card-header">
        <h2 id={headingId} className="rs-card-title">{title}</h2>
        <button type="button" className="rs-button rs-button-small" data-testid="card-close" onClick={() => usePlayback.getState().select(null)}>{strings.close}</button>
      </header>
      <ScrollArea className="rs-card-body" label={title}>
        {selection.kind === 'message'
          ? <MessageBody msgId={selection.msgId} strings={strings} />
          : <QueueList selection={selection} strings={strings} />}
      </ScrollArea>
    </aside>
  );
}
