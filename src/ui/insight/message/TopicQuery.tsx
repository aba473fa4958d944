/**
 * The Message tab's query by topic and store time (the RocketMQ Dashboard's first way to find
 * messages): a form whose times default to the last minutes before the playhead, and the
 * messages found as the Dashboard lists them, each opening its life. The search runs as the
 * named query messagesByTopic (src/sim/queries/messages-by-topic.ts).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { MessagesByTopicArgs } from '../../../sim/queries/messages-by-topic.ts';
import { useInsight } from '../../../store/insight.ts';
import { usePlayback } from '../../../store/playback.ts';
import { formatTime } from '../../../viz/format.ts';
import { fileStem } from '../../controls/save-file.ts';
import { DataTable } from '../../panels/DataTable.tsx';
import { useSimQuery } from '../../use-sim-query.ts';
import { saveCsv } from '../csv.ts';
import { parseTimeText } from './time-text.ts';
import type { TopicQueryStrings } from './topic-query-strings.ts';
import '../dashboard/dashboard.css';

/** The range asked for when the person types none: the last 5 minutes before the playhead. */
const DEFAULT_SPAN_MS = 5 * 60_000;

interface TimeFieldProps {
  label: string;
  text: string;
  onChange: (text: string) => void;
  testId: string;
}

function TimeField({ label, text, onChange, testId }: TimeFieldProps) {
  return (
    <label>{label}{' '}
      <input className="rs-input rs-time-input" value={text} spellCheck={false} inputMode="decimal" data-testid={testId}
        onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}

/** `picker` is the "Find by" choice, shared with the other lookups. */
export function TopicQueryForm({ picker, strings }: { picker: ReactNode; strings: TopicQueryStrings }) {
  const query = useInsight((s) => s.topicQuery);
  const setTopicQuery = useInsight((s) => s.setTopicQuery);
  const setLookup = useInsight((s) => s.setLookup);
  const topics = usePlayback((s) => s.scenario)?.topics.map((entry) => entry.name) ?? [];
  // Whole seconds, so a playing run re-renders the form once a second, not every frame.
  const endDefault = usePlayback((s) => Math.ceil(s.timeMs / 1_000)) * 1_000;
  const [topic, setTopic] = useState(query?.topic ?? '');
  // null: the person has not typed one, so the default follows the playhead.
  const [beginText, setBeginText] = useState<string | null>(query ? formatTime(query.beginMs) : null);
  const [endText, setEndText] = useState<string | null>(query ? formatTime(query.endMs) : null);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = topics.includes(topic) ? topic : topics[0] ?? '';
  const begin = beginText ?? formatTime(Math.max(0, endDefault - DEFAULT_SPAN_MS));
  const end = endText ?? formatTime(endDefault);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const beginMs = parseTimeText(begin);
    const endMs = parseTimeText(end);
    const wrong = chosen === '' ? strings.noTopic : beginMs === null ? strings.notATime(strings.begin) : endMs === null ? strings.notATime(strings.end) : beginMs > endMs ? strings.backwards : null;
    setProblem(wrong);
    if (wrong !== null || beginMs === null || endMs === null) return;
    setLookup(null);
    setTopicQuery({ topic: chosen, beginMs, endMs });
  };
  return (
    <form className="rs-message-form" onSubmit={submit} data-testid="topic-query">
      {picker}
      <label className="rs-message-topic">{strings.topic}{' '}
        <select className="rs-select" value={chosen} onChange={(event) => setTopic(event.target.value)} data-testid="topic-query-topic">
          {topics.map((name) => <option key={name} value={name}>{name}</option>)}
        </select>
      </label>
      <TimeField label={strings.begin} text={begin} onChange={setBeginText} testId="topic-query-begin" />
      <TimeField label={strings.end} text={end} onChange={setEndText} testId="topic-query-end" />
      <button type="submit" className="rs-button">{strings.search}</button>
      <p className="rs-muted rs-message-hint">{strings.timeHint}</p>
      {problem !== null && <p role="alert" className="rs-message-hint" data-testid="topic-query-problem">{problem}</p>}
    </form>
  );
}

export function TopicResult({ query, strings }: { query: MessagesByTopicArgs; strings: TopicQueryStrings }) {
  const { data } = useSimQuery('messagesByTopic', query);
  const setLookup = useInsight((s) => s.setLookup);
  if (data === undefined) return <p className="rs-muted" aria-busy="true">{strings.searching}</p>;
  const c = strings.columns;
  const caption = strings.caption(query.topic, formatTime(query.beginMs), formatTime(query.endMs), data.total, data.rows.length);
  const columns = [c.msgId, c.tag, c.key, c.storeTime];
  const exported = data.rows.map((row) => [row.msgId, row.tags, row.keys, formatTime(row.storeTimestamp)]);
  return (
    <div className="rs-dashboard-table">
      <button type="button" className="rs-button rs-csv-button" data-testid="csv-topic-messages"
        onClick={() => saveCsv(`${fileStem(`messages-${query.topic}`, 'messages')}-${query.beginMs}-${query.endMs}ms.csv`, columns, exported)}>
        {strings.exportCsv}
      </button>
      {data.unreadable > 0 && <p className="rs-muted rs-message-hint" data-testid="topic-messages-unreadable">{strings.unreadable(data.unreadable)}</p>}
      <DataTable caption={caption} columns={[...columns, c.operation]} testId="topic-messages" empty={data.nameServer === null ? strings.noRoute : caption}
        rows={data.rows.map((row, index) => ({
          key: `${row.broker}/${row.queueId}@${row.queueOffset}`,
          cells: [
            <code key="id">{row.msgId}</code>, ...exported[index]!.slice(1),
            <button key="detail" type="button" className="rs-button rs-row-button" aria-label={`${strings.detail} ${row.msgId}`}
              onClick={() => setLookup({ by: 'msgId', value: row.msgId })}>{strings.detail}</button>,
          ],
        }))} />
    </div>
  );
}
