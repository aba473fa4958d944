/**
 * The common knobs: each topic's queue counts and perm, each consumer group's size and
 * allocateStrategy, each producer's rate. Fields show the run's values at the current time;
 * Apply turns the fields changed into edits (at 0:00) or timeline actions (later: a fork).
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Language } from '../../scenario/language.ts';
import { everyConsumer, type Scenario } from '../../sim/index.ts';
import type { ValidationError } from '../../scenario/validate.ts';
import { getTimeline, usePlayback } from '../../store/playback.ts';
import { formatTime } from '../../viz/format.ts';
import { useWords } from '../i18n/index.ts';
import { useSimView } from '../use-sim.ts';
import { applyEditorEdit } from './apply.ts';
import { EDITOR_WORDS, type EditorStrings } from './editor-strings.ts';
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

type Section = keyof Knobs;

/** What every knob's field takes from the form: its words, how a setting is named, and where an edit goes. */
interface KnobForm {
  words: EditorStrings;
  /** A knob as its field shows it: a group's size in words, a setting glossed in Chinese (writeQueueNums（写队列数）). */
  shownAs(field: string): string;
  edit(section: Section, name: string, field: string, value: number | string): void;
}

interface KnobProps {
  form: KnobForm;
  section: Section;
  name: string;
  field: string;
}

function KnobNumber({ form, section, name, field, value, step = 1 }: KnobProps & { value: number; step?: number }) {
  const label = form.shownAs(field);
  return (
    <label className="rs-field">
      <span>{label}</span>
      <input
        className="rs-input rs-input-number"
        type="number"
        aria-label={form.words.knobOf(label, name)}
        step={step}
        value={Number.isNaN(value) ? '' : value}
        data-testid={`knob-${section}-${name}-${field}`}
        onChange={(event) => form.edit(section, name, field, typedNumber(event.target.value))}
      />
    </label>
  );
}

/** A choice among `options`, each shown as `label` says; the current value stays listed even when it is not one of them. */
function KnobSelect<V extends string | number>({ form, section, name, field, value, options, title, label = String }:
  KnobProps & { value: V; options: readonly V[]; title?: string; label?: (option: V) => string }) {
  return (
    <label className="rs-field" title={title}>
      <span>{form.shownAs(field)}</span>
      <select className="rs-select" value={value} aria-label={form.words.knobOf(form.shownAs(field), name)} data-testid={`knob-${section}-${name}-${field}`}
        onChange={(event) => form.edit(section, name, field, typeof value === 'number' ? Number(event.target.value) : event.target.value)}>
        {[...new Set([...options, value])].map((option) => <option key={option} value={option}>{label(option)}</option>)}
      </select>
    </label>
  );
}

/** What Apply made of the edits: the problems (and the file they name, when Apply made one), or that nothing changed. */
interface Applied {
  errors: ValidationError[];
  file: unknown;
  unchanged: boolean;
}

/** Applies the fields edited at the playhead: an edit at 0:00, a fork later; null while there is no run. */
function applyEdits(source: unknown, scenario: Scenario, edits: Edits): Applied | null {
  const timeline = getTimeline();
  if (!timeline) return null;
  const now = usePlayback.getState().timeMs;
  const before = currentKnobs(scenario, timeline.state, now);
  const after = withEdits(before, edits);
  const problems = knobProblems(after);
  if (problems.length > 0) return { errors: problems, file: null, unchanged: false };
  const next = applyKnobs(source, scenario, timeline.state, before, after, now);
  if (next === null) return { errors: [], file: null, unchanged: true };
  return { errors: applyEditorEdit(next, now, 'fork'), file: next, unchanged: false };
}

/** The three sets of knobs, as the run (with the edits) has them. */
function KnobFieldsets({ form, shown, broadcasting, language }: { form: KnobForm; shown: Knobs; broadcasting: ReadonlySet<string>; language: Language }) {
  const { words } = form;
  return (
    <>
      <fieldset className="rs-fieldset">
        <legend>{words.topics}</legend>
        {Object.entries(shown.topics).map(([name, topic]) => (
          <KnobRow key={name} name={name}>
            <KnobNumber form={form} section="topics" name={name} field="writeQueueNums" value={topic.writeQueueNums} />
            <KnobNumber form={form} section="topics" name={name} field="readQueueNums" value={topic.readQueueNums} />
            <KnobSelect form={form} section="topics" name={name} field="perm" value={topic.perm} options={PERMS} label={(perm) => permLabel(perm, language)} />
          </KnobRow>
        ))}
      </fieldset>
      <fieldset className="rs-fieldset">
        <legend>{words.consumerGroups}</legend>
        {Object.entries(shown.groups).map(([group, knobs]) => (
          <KnobRow key={group} name={group}>
            <KnobNumber form={form} section="groups" name={group} field="count" value={knobs.count} />
            {/* BROADCASTING takes every queue and never asks the strategy (RebalanceImpl.rebalanceByTopic). */}
            {!broadcasting.has(group) && <KnobSelect form={form} section="groups" name={group} field="allocateStrategy" value={knobs.allocateStrategy} options={KNOB_STRATEGIES} title={words.strategyNote} />}
          </KnobRow>
        ))}
      </fieldset>
      <fieldset className="rs-fieldset">
        <legend>{words.producers}</legend>
        {Object.entries(shown.producers).map(([id, producer]) => (
          <KnobRow key={id} name={id}>
            <KnobNumber form={form} section="producers" name={id} field="ratePerSec" value={producer.ratePerSec} step={0.1} />
          </KnobRow>
        ))}
      </fieldset>
    </>
  );
}

export function KnobsForm() {
  const view = useSimView();
  const source = usePlayback((s) => s.source);
  const scenario = usePlayback((s) => s.scenario);
  const language = usePlayback((s) => s.language);
  const words = useWords(EDITOR_WORDS);
  const broadcasting = new Set(scenario ? everyConsumer(scenario).filter((c) => c.messageModel === 'BROADCASTING').map((c) => c.group) : []);
  const [edits, setEdits] = useState<Edits>({});
  // The problems of the file Apply made, which names their knobs (knobAt).
  const [refused, setRefused] = useState<{ errors: ValidationError[]; file: unknown }>({ errors: [], file: null });
  const [unchanged, setUnchanged] = useState(false);
  if (!view || !scenario) return null;
  const { timeMs } = view;
  const shown = withEdits(currentKnobs(scenario, view.timeline.state, timeMs), edits);
  const form: KnobForm = {
    words,
    shownAs: (field) => (field === 'count' ? words.consumerCount : language === 'zh' ? glossedZh(field) : field),
    edit(section, name, field, value) {
      setEdits({ ...edits, [[section, name, field].join('\u0000')]: value });
      setUnchanged(false);
    },
  };
  const fieldOf = (path: string) => {
    const at = knobAt(refused.file, path);
    return at && words.knobOf(form.shownAs(at.field), at.owner);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const applied = applyEdits(source, scenario, edits);
    if (!applied) return;
    setRefused({ errors: applied.errors, file: applied.file });
    if (applied.unchanged) setUnchanged(true);
    if (applied.file !== null && applied.errors.length === 0) setEdits({});
  };
  // noValidate: the browser would block Apply with its own message, in its own language.
  return (
    <form className="rs-knobs" onSubmit={submit} noValidate data-testid="knobs-form">
      <KnobFieldsets form={form} shown={shown} broadcasting={broadcasting} language={language} />
      <p className="rs-note">{timeMs > 0 ? words.forkNote(formatTime(timeMs)) : words.startNote}</p>
      {unchanged && <p className="rs-note" role="status">{words.nothingChanged}</p>}
      <ValidationErrors errors={refused.errors} title={words.problems(refused.errors.length)} testId="knob-errors" fieldOf={fieldOf} />
      <button type="submit" className="rs-button rs-button-primary" data-testid="apply-knobs">{words.applyAt(formatTime(timeMs))}</button>
    </form>
  );
}
