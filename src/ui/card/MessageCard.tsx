/**
 * A message in hand: its two ids decoded, its topic, tags (and the tag hash the ConsumeQueue
 * keeps) and keys, how the broker's index finds it by key, every send attempt, every stored
 * copy, and who consumed it when, with retries and dead letters. A view of the run at the playhead.
 */
import { MASTER_ID, indexedKeys, masterOf, indexSlot, readQueueNumsOf, javaStringHashCode, type ModelState } from '../../sim/index.ts';
import { useInsight } from '../../store/insight.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatTime } from '../../viz/format.ts';
import type { NodeNamer } from '../broker-node-names.ts';
import type { CardStrings } from './card-strings.ts';
import { labelled } from '../i18n/index.ts';
import type { MessageFacts } from './message-facts.ts';
import { MessagePathOn } from '../panels/BrokerModules.tsx';
import { MessageIds } from './MessageIds.tsx';

type Stored = MessageFacts['stored'][number];

function Facts({ facts, first, strings }: { facts: MessageFacts; first: Stored | undefined; strings: CardStrings }) {
  const sent = facts.sent[0]!;
  const chosen = facts.sent.at(-1)!;
  return (
    <section className="rs-card-section">
      <h3>{strings.messageHeading}</h3>
      <dl className="rs-facts" data-testid="card-facts">
        <div><dt>{strings.topic}</dt><dd>{sent.topic}</dd></div>
        <div><dt>{strings.tags}</dt><dd>{sent.tags || strings.noKeys}</dd></div>
        <div><dt>{strings.tagsCode}</dt><dd className="rs-mono">{sent.tags ? javaStringHashCode(sent.tags) : 0}</dd></div>
        <div><dt>{strings.keys}</dt><dd>{sent.keys || strings.noKeys}</dd></div>
        <div><dt>{strings.queue}</dt><dd>{first ? `${first.broker} #${first.queueId}` : `${chosen.broker} #${chosen.queueId} ${strings.notStoredYet}`}</dd></div>
        <div><dt>{strings.queueOffset}</dt><dd>{first ? first.queueOffset : '—'}</dd></div>
      </dl>
      <p className="rs-muted">{strings.tagsCodeNote}</p>
    </section>
  );
}

function IndexLookup({ facts, first, strings }: { facts: MessageFacts; first: Stored | undefined; strings: CardStrings }) {
  const sent = facts.sent[0]!;
  return (
    <section className="rs-card-section" data-testid="card-index">
      <h3>{strings.indexHeading}</h3>
      <p className="rs-muted">{strings.indexIntro}</p>
      <ul className="rs-card-list">
        {indexedKeys(sent.keys, facts.msgId).map((key) => {
          const slot = indexSlot(sent.topic, key);
          return (
            <li key={key}>
              <span className="rs-mono">{slot.indexKey}</span> → {strings.keyHash} {slot.keyHash} → {strings.slot(slot.slot, slot.slotPosition)}:{' '}
              {first ? strings.indexFinds(first.commitLogOffset, first.broker) : strings.indexNotStored}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Sends({ facts, strings }: { facts: MessageFacts; strings: CardStrings }) {
  const language = usePlayback((s) => s.language);
  const rows = [
    ...facts.sent.map((e) => ({ t: e.t, key: `s${e.attempt}`, text: labelled(strings.attempt(e.attempt), strings.sentTo(e.broker, e.queueId), language) })),
    ...facts.failed.map((e) => ({ t: e.t, key: `f${e.attempt}`, text: labelled(strings.attempt(e.attempt), strings.failedBecause(e.reason), language) })),
    ...(facts.result ? [{ t: facts.result.t, key: 'r', text: strings.result(facts.result.status) }] : []),
  ].sort((a, b) => a.t - b.t);
  return (
    <section className="rs-card-section">
      <h3>{strings.sendsHeading}</h3>
      <ul className="rs-card-list" data-testid="card-sends">
        {rows.map((row) => <li key={row.key}><span className="rs-mono rs-muted">{formatTime(row.t)}</span> {row.text}</li>)}
      </ul>
    </section>
  );
}

interface ConsumptionProps {
  facts: MessageFacts;
  first: Stored | undefined;
  state: Readonly<ModelState>;
  node: NodeNamer;
  strings: CardStrings;
}

/** What brought the message back to the reader of this consumption, when it was a duplicate (message.consumedAgain follows it at the same instant). */
function againSaid(facts: MessageFacts, consumed: MessageFacts['consumed'][number], strings: CardStrings): string {
  const again = facts.consumedAgain.find((e) => e.t === consumed.t && e.consumer === consumed.consumer);
  return again ? strings.again(again.cause) : '';
}

function Consumption({ facts, first, state, node, strings }: ConsumptionProps) {
  const read = first ? readQueueNumsOf(state, first.broker, first.topic) : undefined;
  const rows = [
    ...facts.stored.map((e) => ({ t: e.t, key: `st${e.broker}/${e.brokerId}${e.topic}${e.t}`, text: strings.retryStored(e.topic, node(e, e.brokerId)) })),
    ...facts.consumed.map((e) => ({ t: e.t, key: `c${e.consumer}${e.t}`, text: strings.consumedBy(e.consumer, e.group, e.reconsumeTimes, e.brokerId === 0 ? null : node(e, e.brokerId)) + againSaid(facts, e, strings) })),
    ...facts.consumeFailed.map((e) => ({ t: e.t, key: `cf${e.consumer}${e.t}`, text: strings.consumeFailed(e.consumer, e.reconsumeTimes, e.next) })),
    ...facts.lost.map((e) => ({ t: e.t, key: `l${e.broker}/${e.brokerId}`, text: strings.lost(node(e, e.brokerId, e.reason === 'truncatedByNewMaster'), e.reason) })),
    ...facts.storedBehind.map((e) => ({ t: e.t, key: `b${e.reader}`, text: strings.storedBehind(e.reader, e.queueOffset, e.readerOffset) })),
  ].sort((a, b) => a.t - b.t);
  const never = facts.consumed.length === 0 && first !== undefined && read !== undefined && first.queueId >= read;
  return (
    <section className="rs-card-section">
      <h3>{strings.consumeHeading}</h3>
      {never && <p className="rs-card-never" data-testid="card-never">{strings.neverConsumable(read)}</p>}
      {!never && facts.consumed.length === 0 && facts.storedBehind.length === 0 && <p className="rs-muted">{strings.notConsumed}</p>}
      <ul className="rs-card-list" data-testid="card-consumption">
        {rows.map((row) => <li key={row.key}><span className="rs-mono rs-muted">{formatTime(row.t)}</span> {row.text}</li>)}
      </ul>
    </section>
  );
}

/** The path through the modules of the master that holds the producer's copy now. */
function ThroughTheBroker({ state, brokerName, msgId }: { state: Readonly<ModelState>; brokerName: string; msgId: string }) {
  const broker = masterOf(state, brokerName);
  return broker ? <MessagePathOn broker={broker} msgId={msgId} /> : null;
}

/** The Message tab takes over: the card closes so the whole life is in view. */
function followLife(msgId: string): void {
  useInsight.getState().followMessage({ by: 'msgId', value: msgId });
  usePlayback.getState().select(null);
}

/** The readers that had read past the message's offset when it was stored and have not consumed it (a group, or "group/consumer"). */
function neverReaders(facts: MessageFacts): string[] {
  const readBy = new Set(facts.consumed.flatMap((e) => [e.group, `${e.group}/${e.consumer}`]));
  return facts.storedBehind.map((e) => e.reader).filter((reader) => !readBy.has(reader));
}

/** `node` names a copy's broker as the canvas draws it (after an election brokerId 0 is another node). */
export function MessageCard({ facts, state, node, strings }: { facts: MessageFacts; state: Readonly<ModelState>; node: NodeNamer; strings: CardStrings }) {
  // The copy the producer's send stored: the first one on a master in the topic it was sent to.
  const first = facts.stored.find((copy) => copy.brokerId === MASTER_ID && copy.topic === facts.sent[0]?.topic);
  const neverRead = neverReaders(facts);
  return (
    <>
      <button type="button" className="rs-button" data-testid="follow-life" onClick={() => followLife(facts.msgId)}>{strings.followLife}</button>
      {neverRead.length > 0 && <p className="rs-card-never" data-testid="card-never-read">{strings.neverRead(neverRead)}</p>}
      <MessageIds msgId={facts.msgId} stored={facts.stored} node={node} strings={strings} />
      {facts.sent.length > 0 ? (
        <>
          <Facts facts={facts} first={first} strings={strings} />
          <IndexLookup facts={facts} first={first} strings={strings} />
          {first && <ThroughTheBroker state={state} brokerName={first.broker} msgId={facts.msgId} />}
          <Sends facts={facts} strings={strings} />
          <Consumption facts={facts} first={first} state={state} node={node} strings={strings} />
        </>
      ) : <p>{strings.notYet}</p>}
      {!facts.complete && <p className="rs-muted">{strings.incomplete}</p>}
    </>
  );
}
