/**
 * Creates a topic at the current time as an operator would (mqadmin updateTopic -c / -b), with
 * mqadmin's defaults filled in: 8 write and 8 read queues, perm 6.
 */
import { useState, type FormEvent } from 'react';
import type { ValidationError } from '../../scenario/validate.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatTime } from '../../viz/format.ts';
import { useWords } from '../i18n/index.ts';
import { useSimView } from '../use-sim.ts';
import { applyEditorEdit } from './apply.ts';
import { addCreateTopic, createTargets, type CreateMode } from './create-topic.ts';
import { CREATE_TOPIC_STRINGS } from './create-topic-strings.ts';
import { EDITOR_WORDS } from './editor-strings.ts';
import { permLabel, TOPIC_PERMS } from '../perm.ts';
import { ValidationErrors } from './ValidationErrors.tsx';

const MODES: CreateMode[] = ['cluster', 'broker'];
/** mqadmin's options keep their names (UpdateTopicSubCommand). */
const COUNT_LABELS = { write: 'writeQueueNums (-w)', read: 'readQueueNums (-r)' } as const;
const PERM_LABEL = 'perm (-p)';

export function CreateTopicForm() {
  const language = usePlayback((state) => state.language);
  const s = useWords(CREATE_TOPIC_STRINGS);
  const editorWords = useWords(EDITOR_WORDS);
  const view = useSimView();
  const config = usePlayback((state) => state.scenario?.config);
  const [topic, setTopic] = useState('TopicNew');
  const [mode, setMode] = useState<CreateMode>('cluster');
  const [chosen, setChosen] = useState('');
  // -w and -r as typed (a number field's text), so a bad count is refused, never replaced.
  const [counts, setCounts] = useState<{ write?: string; read?: string; perm?: number }>({});
  // The problems of the last updateTopic refused, and where in the timeline it was added.
  const [refused, setRefused] = useState<{ errors: ValidationError[]; index: number }>({ errors: [], index: 0 });
  if (!view || !config) return null;
  const targets = createTargets(view.timeline.state, mode);
  const target = targets.includes(chosen) ? chosen : (targets[0] ?? '');
  const write = counts.write ?? String(config.topicQueueNums);
  const read = counts.read ?? String(config.topicQueueNums);
  const perm = counts.perm ?? config.topicPerm;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { source, timeMs } = usePlayback.getState();
    const next = addCreateTopic(source, { topic: topic.trim(), mode, target, writeQueueNums: write, readQueueNums: read, perm }, timeMs) as { timeline: unknown[] };
    setRefused({ errors: applyEditorEdit(next, timeMs, 'fork'), index: next.timeline.length - 1 });
  };
  // The action's fields (create-topic.ts) by the labels the person typed them under.
  const labels: Record<string, string> = {
    topic: s.topic, cluster: s.cluster, broker: s.broker, writeQueueNums: COUNT_LABELS.write, readQueueNums: COUNT_LABELS.read, perm: PERM_LABEL,
  };
  const prefix = `timeline[${refused.index}].`;
  const fieldOf = (path: string) => (path.startsWith(prefix) ? labels[path.slice(prefix.length)] : undefined);
  const count = (field: 'write' | 'read', value: string) => (
    <label className="rs-field">
      <span>{COUNT_LABELS[field]}</span>
      <input className="rs-input rs-input-number" type="number" value={value} data-testid={`create-topic-${field}`}
        onChange={(event) => setCounts({ ...counts, [field]: event.target.value })} />
    </label>
  );
  // noValidate: the browser would block the form with its own message, in its own language.
  return (
    <form className="rs-create-topic" onSubmit={submit} noValidate data-testid="create-topic-form">
      <fieldset className="rs-fieldset">
        <legend>{s.title}</legend>
        <p className="rs-note">{s.explain(mode)}</p>
        <div className="rs-knob-row">
          <label className="rs-field">
            <span>{s.topic}</span>
            <input className="rs-input" value={topic} data-testid="create-topic-name" onChange={(event) => setTopic(event.target.value)} />
          </label>
          <label className="rs-field">
            <span>{s.mode}</span>
            <select className="rs-select" value={mode} data-testid="create-topic-mode" onChange={(event) => setMode(event.target.value as CreateMode)}>
              {MODES.map((name) => <option key={name} value={name}>{s.modeName(name)}</option>)}
            </select>
          </label>
          <label className="rs-field">
            <span>{mode === 'cluster' ? s.cluster : s.broker}</span>
            <select className="rs-select" value={target} data-testid="create-topic-target" onChange={(event) => setChosen(event.target.value)}>
              {targets.map((name) => <option key={name} value={name}>{name}</option>)}
            </select>
          </label>
          {count('write', write)}
          {count('read', read)}
          <label className="rs-field">
            <span>{PERM_LABEL}</span>
            <select className="rs-select" value={perm} data-testid="create-topic-perm" onChange={(event) => setCounts({ ...counts, perm: Number(event.target.value) })}>
              {TOPIC_PERMS.map((value) => <option key={value} value={value}>{permLabel(value, language)}</option>)}
            </select>
          </label>
        </div>
        <button type="submit" className="rs-button" disabled={target === '' || topic.trim() === ''} data-testid="create-topic-apply">
          {s.createAt(formatTime(view.timeMs))}
        </button>
      </fieldset>
      <ValidationErrors errors={refused.errors} title={editorWords.problems(refused.errors.length)} testId="create-topic-errors" fieldOf={fieldOf} />
    </form>
  );
}
