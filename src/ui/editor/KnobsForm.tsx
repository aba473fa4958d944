/**
 * The common knobs: each topic's queue counts and perm, each consumer group's size and
 * allocateStrategy, each producer's rate. Fields show the run's values at the current time;
 * Apply turns the fields changed into edits (at 0:00) or timeline actions (later: a fork).
 */
import { useState, type FormEvent } from 'react';
import type { ValidationError } from '../../scenario/validate.ts';
import { getTimeline, usePlayback } from '../../store/playback.ts';
import { formatTime } from '../../viz/format.ts';
import { useT } from '../i18n/index.ts';
import { useSimView } from '../use-sim.ts';
import { applyEdit } from './apply.ts';
import { applyKnobs, currentKnobs, KNOB_STRATEGIES, type Knobs } from './fork.ts';
import { ValidationErrors } from './ValidationErrors.tsx';

/** Field edits, keyed `topics.TopicTest.readQueueNums`; a field not edited follows the run. */
type Edits = Record<string, number | string>;

const PERMS = [6, 4, 2, 0];

function withEdits(knobs: Knobs, edits: Edits): Knobs {
  const next = structuredClone(knobs);
  for (const [key, value] of Object.entries(edits)) {
    const [section, name, field] = key.split('\u0000') as [keyof Knobs, string, string];
    const entry = next[section][name] as Record<string, unknown> | undefined;
    if (entry) entry[field] = value;
  }
  return next;
}

export function KnobsForm() {
  const t = useT();
  const view = useSimView();
  const source = usePlayback((s) => s.source);
  const scenario = usePlayback((s) => s.scenario);
  const [edits, setEdits] = useState<Edits>({});
  const [errors, setErrors] = useState<ValidationError[]>([]);
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
  const numberField = (section: keyof Knobs, name: string, field: string, value: number, min: number, max: number, step = 1) => (
    <label className="rs-field">
      <span>{field === 'count' ? t('consumerCount') : field}</span>
      <input
        className="rs-input rs-input-number"
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        data-testid={`knob-${section}-${name}-${field}`}
        onChange={(event) => {
          const parsed = Number(event.target.value);
          if (event.target.value !== '' && Number.isFinite(parsed)) edit(section, name, field, Math.min(max, Math.max(min, parsed)));
        }}
      />
    </label>
  );
  /** A choice among `options`; the current value stays listed even when it is not one of them. */
  const selectField = <V extends string | number>(section: keyof Knobs, name: string, field: string, value: V, options: readonly V[], title?: string) => (
    <label className="rs-field" title={title}>
      <span>{field}</span>
      <select className="rs-select" value={value} data-testid={`knob-${section}-${name}-${field}`}
        onChange={(event) => edit(section, name, field, typeof value === 'number' ? Number(event.target.value) : event.target.value)}>
        {[...new Set([...options, value])].map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const timeline = getTimeline();
    if (!timeline) return;
    const now = usePlayback.getState().timeMs;
    const before = currentKnobs(scenario, timeline.state, now);
    const next = applyKnobs(source, scenario, timeline.state, before, withEdits(before, edits), now);
    if (next === null) return setUnchanged(true);
    const problems = applyEdit(next, now, 'fork');
    setErrors(problems);
    if (problems.length === 0) setEdits({});
  };
  return (
    <form className="rs-knobs" onSubmit={submit} data-testid="knobs-form">
      <fieldset className="rs-fieldset">
        <legend>{t('topics')}</legend>
        {Object.entries(shown.topics).map(([name, topic]) => (
          <div key={name} className="rs-knob-row">
            <strong className="rs-knob-name">{name}</strong>
            {numberField('topics', name, 'writeQueueNums', topic.writeQueueNums, 1, 1024)}
            {numberField('topics', name, 'readQueueNums', topic.readQueueNums, 1, 1024)}
            {selectField('topics', name, 'perm', topic.perm, PERMS)}
          </div>
        ))}
      </fieldset>
      <fieldset className="rs-fieldset">
        <legend>{t('consumerGroups')}</legend>
        {Object.entries(shown.groups).map(([group, knobs]) => (
          <div key={group} className="rs-knob-row">
            <strong className="rs-knob-name">{group}</strong>
            {numberField('groups', group, 'count', knobs.count, 0, 50)}
            {selectField('groups', group, 'allocateStrategy', knobs.allocateStrategy, KNOB_STRATEGIES, t('strategyNote'))}
          </div>
        ))}
      </fieldset>
      <fieldset className="rs-fieldset">
        <legend>{t('producers')}</legend>
        {Object.entries(shown.producers).map(([id, producer]) => (
          <div key={id} className="rs-knob-row">
            <strong className="rs-knob-name">{id}</strong>
            {numberField('producers', id, 'ratePerSec', producer.ratePerSec, 0, 10_000, 0.1)}
          </div>
        ))}
      </fieldset>
      <p className="rs-note">{timeMs > 0 ? t('forkNote', { time: formatTime(timeMs) }) : t('startNote')}</p>
      {unchanged && <p className="rs-note" role="status">{t('nothingChanged')}</p>}
      <ValidationErrors errors={errors} title={t('jsonProblems', { count: errors.length })} testId="knob-errors" />
      <button type="submit" className="rs-button rs-button-primary" data-testid="apply-knobs">{t('applyAt', { time: formatTime(timeMs) })}</button>
    </form>
  );
}
