/**
 * The Message tab (the Dashboard's message query and message trace): find a message by msgId,
 * offsetMsgId or key, then follow its life step by step; each step moves the playhead there.
 * The search runs as the named query messageLife (src/sim/queries/message-life.ts).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { isReadable, masterOf, perm2String, type ModelState } from '../../../sim/index.ts';
import type { MessageLife, StoredCopy } from '../../../sim/queries/message-life.ts';
import { useInsight, type MessageLookup } from '../../../store/insight.ts';
import { usePlayback } from '../../../store/playback.ts';
import { formatTime } from '../../../viz/format.ts';
import { useBrokerNodeNames } from '../../use-broker-node-names.ts';
import { DataTable } from '../../panels/DataTable.tsx';
import { PanelFrame } from '../../panels/shared.tsx';
import { useSimQuery } from '../../use-sim-query.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../../use-sim.ts';
import { MESSAGE_STRINGS, type MessageStrings, type UnreadableQueue } from './message-strings.ts';
import { TopicQueryForm, TopicResult } from './TopicQuery.tsx';
import { TOPIC_QUERY_STRINGS, type TopicQueryStrings } from './topic-query-strings.ts';
import './message.css';
import { useWords } from '../../i18n/index.ts';

/** RocketMQ's ways to find a message: the Dashboard's topic and time, then msgId, offsetMsgId or key. */
type SearchBy = MessageLookup['by'] | 'topic';
const SEARCHES: SearchBy[] = ['topic', 'msgId', 'offsetMsgId', 'key'];

interface PickerProps {
  by: SearchBy;
  setBy: (by: SearchBy) => void;
  strings: MessageStrings;
  topicStrings: TopicQueryStrings;
}

function SearchPicker({ by, setBy, strings, topicStrings }: PickerProps) {
  return (
    <label>{strings.lookupBy}{' '}
      <select className="rs-select" value={by} onChange={(event) => setBy(event.target.value as SearchBy)}>
        {SEARCHES.map((option) => <option key={option} value={option}>{option === 'topic' ? topicStrings.byTopic : strings.by[option]}</option>)}
      </select>
    </label>
  );
}

function LookupForm({ by, picker, strings }: { by: MessageLookup['by']; picker: ReactNode; strings: MessageStrings }) {
  const lookup = useInsight((s) => s.lookup);
  const setLookup = useInsight((s) => s.setLookup);
  const setTopicQuery = useInsight((s) => s.setTopicQuery);
  const scenario = usePlayback((s) => s.scenario);
  const topics = scenario?.topics.map((entry) => entry.name) ?? [];
  const keyPrefix = scenario?.producers.find((producer) => producer.keyPrefix !== '')?.keyPrefix;
  const example = by !== 'key' ? strings.example.id : keyPrefix === undefined ? undefined : strings.example.key(`${keyPrefix}-0`);
  const [value, setValue] = useState(lookup?.value ?? '');
  const [topic, setTopic] = useState(lookup?.topic ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() === '') return;
    setTopicQuery(null);
    setLookup({ by, value: value.trim(), ...(by === 'key' && topic !== '' ? { topic } : {}) });
  };
  return (
    <form className="rs-message-form" onSubmit={submit} data-testid="message-lookup">
      {picker}
      {by === 'key' && (
        <label>{strings.topic}{' '}
          <select className="rs-select" value={topic} onChange={(event) => setTopic(event.target.value)}>
            <option value="">{strings.anyTopic}</option>
            {topics.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </label>
      )}
      <label className="rs-message-value">{strings.value}{' '}
        <input className="rs-input" value={value} placeholder={example} spellCheck={false} onChange={(event) => setValue(event.target.value)} data-testid="message-value" />
      </label>
      <button type="submit" className="rs-button">{strings.search}</button>
    </form>
  );
}

function SearchForm({ strings, topicStrings }: { strings: MessageStrings; topicStrings: TopicQueryStrings }) {
  const lookup = useInsight((s) => s.lookup);
  // As the Dashboard's Message page opens: by topic and store time, unless a lookup is on.
  const [by, setBy] = useState<SearchBy>(lookup?.by ?? 'topic');
  const picker = <SearchPicker by={by} setBy={setBy} strings={strings} topicStrings={topicStrings} />;
  return by === 'topic' ? <TopicQueryForm picker={picker} strings={topicStrings} /> : <LookupForm by={by} picker={picker} strings={strings} />;
}

/**
 * The stored copies found, a row each (the Dashboard's message detail). Columns that would say
 * nothing are left out so the table fits the panel: reconsumeTimes and delayLevel while every copy
 * has 0, and Follow while every copy is of the message whose life is shown below. Its ids and
 * names stay whole (message.css): the table scrolls sideways where the column is narrower.
 */
function FoundTable({ found, strings }: { found: StoredCopy[]; strings: MessageStrings }) {
  const setLookup = useInsight((s) => s.setLookup);
  const c = strings.columns;
  const retried = found.some((copy) => copy.reconsumeTimes > 0);
  const delayed = found.some((copy) => copy.delayLevel > 0);
  const several = new Set(found.map((copy) => copy.msgId)).size > 1;
  const optional = <T,>(shown: boolean, value: T): T[] => (shown ? [value] : []);
  return (
    <div className="rs-message-found">
      <DataTable
        caption={strings.foundCaption(found.length)}
        testId="message-found"
        dense
        columns={[
          c.msgId, c.topic, c.tags, c.keys, c.broker, c.queue, c.queueOffset, c.commitLogOffset, c.storeTime,
          ...optional(retried, c.reconsumeTimes), ...optional(delayed, c.delayLevel), ...optional(several, ''),
        ]}
        empty=""
        rows={found.map((copy) => ({
          key: `${copy.broker}/${copy.brokerId}@${copy.commitLogOffset}`,
          cells: [
            <code key="id">{copy.msgId}</code>, copy.topic, copy.tags, copy.keys, `${copy.broker}/${copy.brokerId}`, copy.queueId, copy.queueOffset,
            copy.commitLogOffset, formatTime(copy.storeTimestamp), ...optional(retried, copy.reconsumeTimes), ...optional(delayed, copy.delayLevel),
            ...optional(several, (
              <button key="follow" type="button" className="rs-button" onClick={() => setLookup({ by: 'msgId', value: copy.msgId })}>{strings.follow}</button>
            )),
          ],
        }))}
      />
    </div>
  );
}

/**
 * Where the life's message sits if no consumer is given it now: its queue id at or above the
 * topic's readQueueNums on its master (consumers are given only ids below it, MQClientInstance.
 * topicRouteData2TopicSubscribeInfo), or the topic's perm without R (PermName.isReadable). Null
 * once a group has consumed it, as the overview's Not consumable leaves such messages out.
 */
function unreadableQueue(state: Readonly<ModelState>, life: MessageLife, timeMs: number): UnreadableQueue | null {
  const copy = life.found.find((found) => found.msgId === life.msgId && found.brokerId === 0);
  if (!copy || life.events.some((event) => event.type === 'message.consumed' && event.t <= timeMs)) return null;
  const config = masterOf(state, copy.broker)?.topicConfigTable[copy.topic];
  if (!config) return null;
  const where = { broker: copy.broker, topic: copy.topic };
  if (!isReadable(config.perm)) return { cause: 'notReadable', ...where, perm: perm2String(config.perm) };
  return copy.queueId >= config.readQueueNums ? { cause: 'aboveRead', ...where, queueId: copy.queueId, readQueueNums: config.readQueueNums } : null;
}

function LifeSteps({ life, strings }: { life: MessageLife; strings: MessageStrings }) {
  const seek = usePlayback((s) => s.seek);
  // Ten times a second while playing, as the other text panels: which steps are later follows the playhead.
  const view = useSimView(TEXT_PANEL_REFRESH);
  const timeMs = view?.timeMs ?? 0;
  const names = useBrokerNodeNames();
  if (life.msgId === null) return null;
  const current = life.events.findLastIndex((event) => event.t <= timeMs);
  // The last word of a life that stops at SEND_OK: the summary's Not consumable, said of this message.
  const unreadable = view ? unreadableQueue(view.timeline.state, life, timeMs) : null;
  return (
    <section aria-label={strings.lifeCaption(life.msgId)}>
      <h3>{strings.lifeCaption(life.msgId)}</h3>
      <p className="rs-muted">{strings.stepHint}</p>
      <ol className="rs-message-life" data-testid="message-life">
        {life.events.map((event, index) => (
          <li key={index} className={`rs-life-step rs-life-${event.type.replace('.', '-')}${event.t > timeMs ? ' rs-life-later' : ''}`}>
            <button type="button" className="rs-life-button" onClick={() => seek(event.t)} data-testid="life-step" data-t={event.t}
              aria-current={index === current ? 'step' : undefined}>
              <span className="rs-life-time">{formatTime(event.t)}</span> <span>{strings.step(event, names)}</span>
              {event.t > timeMs && <span className="rs-life-note"> · {strings.later}</span>}
            </button>
          </li>
        ))}
      </ol>
      {unreadable && <p className="rs-life-unreadable" data-testid="message-unreadable">{strings.unreadable(unreadable)}</p>}
      {!life.complete && <p className="rs-muted">{strings.incomplete}</p>}
    </section>
  );
}

/**
 * The longest life seen for this lookup in this run. A query answers up to the playhead, so after
 * a click moves it back to an early step, the later steps would vanish; the run is deterministic,
 * so what was seen of its future still holds and stays on screen, marked as later.
 */
function useLongestLife(lookup: MessageLookup): { data: MessageLife | undefined; pending: boolean } {
  const { data, pending } = useSimQuery('messageLife', lookup);
  const version = usePlayback((s) => s.timelineVersion);
  const question = JSON.stringify([lookup, version]);
  const [kept, setKept] = useState<{ question: string; life: MessageLife } | null>(null);
  if (data !== undefined && (kept?.question !== question || data.events.length > kept.life.events.length)) {
    setKept({ question, life: data });
  }
  return { data: kept?.question === question ? kept.life : data, pending };
}

function LookupResult({ lookup, strings }: { lookup: MessageLookup; strings: MessageStrings }) {
  const { data, pending } = useLongestLife(lookup);
  if (data === undefined) return <p className="rs-muted" aria-busy={pending}>{strings.searching}</p>;
  if (data.problem !== null) return <p role="status" data-testid="message-problem">{data.problem === 'notAnId' ? strings.notAnId : strings.notFound}</p>;
  return (
    <>
      <FoundTable found={data.found} strings={strings} />
      <LifeSteps life={data} strings={strings} />
    </>
  );
}

export function MessageTab() {
  const strings = useWords(MESSAGE_STRINGS);
  const topicStrings = useWords(TOPIC_QUERY_STRINGS);
  const lookup = useInsight((s) => s.lookup);
  const topicQuery = useInsight((s) => s.topicQuery);
  // A new run starts with a fresh form too: the old one's typed text and times were for other messages.
  const runVersion = usePlayback((s) => s.runVersion);
  return (
    <PanelFrame name="message-trace" title={strings.heading}>
      <p className="rs-muted">{strings.intro}</p>
      <SearchForm key={`${runVersion}|${lookup ? `${lookup.by}:${lookup.value}` : ''}`} strings={strings} topicStrings={topicStrings} />
      {topicQuery && <TopicResult query={topicQuery} strings={topicStrings} />}
      {lookup && <LookupResult lookup={lookup} strings={strings} />}
    </PanelFrame>
  );
}
