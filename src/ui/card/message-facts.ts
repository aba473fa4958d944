/**
 * Everything the run says about one message, sorted for the card: its send attempts, where each
 * copy was stored (the master, its slaves, a retry or dead-letter topic), who consumed it and
 * when, and why a consumption failed. The events themselves are the message's life as the named
 * query messageLife (src/sim/queries/message-life.ts) finds it where the run lives: from its
 * birth (the time its msgId carries) to the playhead.
 */
import type { LifeEvent, MessageLife } from '../../sim/queries/message-life.ts';

type Of<K extends LifeEvent['type']> = Extract<LifeEvent, { type: K }>;

export interface MessageFacts {
  msgId: string;
  sent: Of<'message.sent'>[];
  failed: Of<'send.failed'>[];
  result: Of<'send.result'> | null;
  stored: Of<'message.stored'>[];
  consumed: Of<'message.consumed'>[];
  /** The consumptions that were duplicates, each with what brought the message back. */
  consumedAgain: Of<'message.consumedAgain'>[];
  consumeFailed: Of<'consume.failed'>[];
  lost: Of<'message.lost'>[];
  /** Readers that had read past the offset it took (message.storedBehind). */
  storedBehind: Of<'message.storedBehind'>[];
  /** False when the search stopped before the playhead (a very long run): later facts may be missing. */
  complete: boolean;
}

function collect(facts: MessageFacts, event: LifeEvent): void {
  switch (event.type) {
    case 'message.sent': facts.sent.push(event); return;
    case 'send.failed': facts.failed.push(event); return;
    case 'send.result': facts.result = event; return;
    case 'message.stored': facts.stored.push(event); return;
    case 'message.consumed': facts.consumed.push(event); return;
    case 'message.consumedAgain': facts.consumedAgain.push(event); return;
    case 'consume.failed': facts.consumeFailed.push(event); return;
    case 'message.lost': facts.lost.push(event); return;
    // A group passing over the message (inconsistent subscriptions) is shown in the log and the failover docs, not on the card.
    case 'message.filtered': return;
    case 'message.storedBehind': facts.storedBehind.push(event); return;
  }
}

/** The facts of `msgId` from its life (asked by msgId); null when it is not a client msgId. */
export function messageFacts(msgId: string, life: MessageLife): MessageFacts | null {
  if (life.problem === 'notAnId') return null;
  const facts: MessageFacts = { msgId, sent: [], failed: [], result: null, stored: [], consumed: [], consumedAgain: [], consumeFailed: [], lost: [], storedBehind: [], complete: life.complete };
  for (const event of life.events) collect(facts, event);
  return facts;
}
