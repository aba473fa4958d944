/**
 * The common knobs: each topic's queue counts and perm, each consumer group's size and
 * allocateStrategy, each producer's rate. Fields show the run's values at the current time;
 * Apply turns the fields changed into edits (at 0:00) or timeline actions (later: a fork).
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { everyConsumer } from '../../sim/index.ts';
import type { ValidationError } from '../../scenario/validate.ts';
import { getTimeline, usePlayback } from '../../store/playback.ts';
import { formatTime } from '../../viz/format.ts';
import { useSimView } from '../use-sim.ts';
import { applyEdit } from './apply.ts';
import { editorStrings } from './editor-strings.ts';
import { applyKnobs, currentKnobs, KNOB_STRATEGIES, knobAt, knobProblems, type Knobs } from './fork.ts';
import { glossedZh } from '../i18n/setting-glosses.ts';
import { permLabel, TOPIC_PERMS } from '../perm.ts';
import { ValidationErrors } from './ValidationErrors.tsx';

/** Field edits, keyed `topics.TopicTest.readQueueNums`; a field not edited follows the run. */
type Edits = Record<string, number | string>;

/** The editor offers 0 too, a topic neither producers nor consumers can use: the scenario file allows it (PermName.isValid). */
const PERMS = [...TOPIC_PERMS, 0];

/**
 * A number field's text, kept as typed: the scenario's rules (or knobProblems) refuse a bad value
 * by name instead of the form changing it. An emptied field is NaN, as Number('') would be 0.
 */
function typedNumber(text: string): number {
  return text === '' ? Number.NaN : Number(text);
}

function withEdits(knobs: Knobs, edits: Edits): Knobs {
  const next = structuredClone(knobs);
  for (const [key, value] of Object.entries(edits)) {
    const [section, name, field] = key.split('\u0000') as [keyof Knobs, string, string];
    const entry = next[section][name] as Record<string, unknown> | undefined;
    if (entry) entry[field] = value;
  }
  return next;
}

/**
 * One topic's, group's or producer's knobs: a group named by the visible name above them, which
 * each knob's own name repeats, so a knob found alone (a screen reader's list of fields) still says whose it is.
 */
function KnobRow({ name, children }: { name: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="rs-knob-row" role="group" aria-labelledby={id}>
      <strong id={id} className="rs-knob-name">{name}</strong>
      {children}
    </div>
  );
}

export function KnobsForm() {
  const view = useSimView();
  const source = usePlayback((s) => s.source);
  const scenario = usePlayback((s) => s.scenario);
  const language = usePlayback((s) => s.language);
  const words = editorStrings(language);
  const broadcasting = new Set(scenario ? everyConsumer(scenario).filter((c) => c.messageModel === 'BROADCASTING').map((c) => c.group) : []);
  const [edits, setEdits] = useState<Edits>({});
  // The problems of the file Apply made, which names their knobs (knobAt).
  const [refused, setRefused] = useState<{ errors: ValidationError[]; file: unknown }>({ errors: [], file: null });
  const [unchanged, setUnchanged] = useState(false);
  if (!view || !scenario) return null;
  const { timeMs } = view;
  const current = currentKnobs(scenario, view.timeline.state, timeMs);
  const shown = withEdits(current, edits);
  const key = (section: keyof Knobs, name: string, field: string) => [section, name, field].join('\u0000');
  const edit = (section: keyof Knobs, name: string, field: string, value: number | string) => {
    setEdits({ ...edits, [key(section, name, field)]: value });
    setUnchanged(false);
  };
  // A knob as its field shows it: a group's size in words, a setting glossed in Chinese (writeQueueNums（写队列数）).
  const shownAs = (field: string) => (field === 'count' ? words.consumerCount : language === 'zh' ? glossedZh(field) : field);
  const fieldOf = (path: string) => {
    const at = knobAt(refused.file, path);
    return at && words.knobOf(shownAs(at.field), at.owner);
  };
  const numberField = (section: keyof Knobs, name: string, field: string, value: number, step = 1) => {
    const label = shownAs(field);
    return (
      <label className="rs-field">
        <span>{label}</span>
        <input
          className="rs-input rs-input-number"
          type="number"
          aria-label={words.knobOf(label, name)}
          step={step}
          value={Number.isNaN(value) ? '' : value}
          data-testid={`knob-${section}-${name}-${field}`}
          onChange={(event) => edit(section, name, field, typedNumber(event.target.value))}
        />
      </label>
    );
  };
  /** A choice among `options`, each shown as `label` says; the current value stays listed even when it is not one of them. */
  const selectField = <V extends string | number>(section: keyof Knobs, name: string, field: string, value: V, options: readonly V[],
    { title, label = String }: { title?: string; label?: (option: V) => string } = {}) => (
    <label className="rs-field" title={title}>
      <span>{shownAs(field)}</span>
      <select className="rs-select" value={value} aria-label={words.knobOf(shownAs(field), name)} data-testid={`knob-${section}-${name}-${field}`}
        onChange={(event) => edit(section, name, field, typeof value === 'number' ? Number(event.target.value) : event.target.value)}>
        {[...new Set([...options, value])].map((option) => <option key={option} value={option}>{label(option)}</option>)}
      </select>
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const timeline = getTimeline();
    if (!timeline) return;
    const now = usePlayback.getState().timeMs;
    const before = currentKnobs(scenario, timeline.state, now);
    const after = withEdits(before, edits);
    const problems = knobProblems(after);
    if (problems.length > 0) return setRefused({ errors: problems, file: null });
    const next = applyKnobs(source, scenario, timeline.state, before, after, now);
    if (next === null) {
      setRefused({ errors: [], file: null });
      return setUnchanged(true);
    }
    const errors = applyEdit(next, now, 'fork');
    setRefused({ errors, file: next });
    if (errors.length === 0) setEdits({});
  };
  // noValidate: the browser would block Apply with its own message, in its own language.
  return (
    <form className="rs-knobs" onSubmit={submit} noValidate data-testid="knobs-form">
      <fieldset className="rs-fieldset">
        <legend>{words.topics}</legend>
        {Object.entries(shown.topics).map(([name, topic]) => (
          <KnobRow key={name} name={name}>
            {numberField('topics', name, 'writeQueueNums', topic.writeQueueNums)}
            {numberField('topics', name, 'readQueueNums', topic.readQueueNums)}
            {selectField('topics', name, 'perm', topic.perm, PERMS, { label: (perm) => permLabel(perm, language) })}
          </KnobRow>
        ))}
      </fieldset>
      <fieldset className="rs-fieldset">
        <legend>{words.consumerGroups}</legend>
        {Object.entries(shown.groups).map(([group, knobs]) => (
          <KnobRow key={group} name={group}>
            {numberField('groups', group, 'count', knobs.count)}
            {/* BROADCASTING takes every queue and never asks the strategy (RebalanceImpl.rebalanceByTopic). */}
            {!broadcasting.has(group) && selectField('groups', group, 'allocateStrategy', knobs.allocateStrategy, KNOB_STRATEGIES, { title: words.strategyNote })}
          </KnobRow>
        ))}
      </fieldset>
      <fieldset className="rs-fieldset">
        <legend>{words.producers}</legend>
        {Object.entries(shown.producers).map(([id, producer]) => (
          <KnobRow key={id} name={id}>
            {numberField('producers', id, 'ratePerSec', producer.ratePerSec, 0.1)}
          </KnobRow>
        ))}
      </fieldset>
      <p className="rs-note">{timeMs > 0 ? words.forkNote(formatTime(timeMs)) : words.startNote}</p>
      {unchanged && <p className="rs-note" role="status">{words.nothingChanged}</p>}
      <ValidationErrors errors={refused.errors} title={words.problems(refused.errors.length)} testId="knob-errors" fieldOf={fieldOf} />
      <button type="submit" className="rs-button rs-button-primary" data-testid="apply-knobs">{words.applyAt(formatTime(timeMs))}</button>
    </form>
  );
}
