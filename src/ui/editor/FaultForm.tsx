/** Adds a fault to the timeline at the current time: the run forks there. A link's fault (partitionLink) names two processes. */
import { useState, type FormEvent } from 'react';
import type { ValidationError } from '../../scenario/validate.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatTime } from '../../viz/format.ts';
import { actionChoice } from '../i18n/action-strings.ts';
import { useWords } from '../i18n/index.ts';
import { useSimView } from '../use-sim.ts';
import { applyEditorEdit } from './apply.ts';
import { addFault, FAULT_ACTIONS, faultTargets, isLinkAction, linkPeers, type FaultAction, type FaultTarget } from './fork.ts';
import { EDITOR_WORDS } from './editor-strings.ts';
import { ValidationErrors } from './ValidationErrors.tsx';

interface ProcessSelectProps {
  label: string;
  testId: string;
  options: readonly FaultTarget[];
  value: FaultTarget | undefined;
  onChange: (id: string) => void;
}

function ProcessSelect({ label, testId, options, value, onChange }: ProcessSelectProps) {
  return (
    <label className="rs-field">
      <span>{label}</span>
      <select className="rs-select" value={value?.id ?? ''} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => <option key={option.id} value={option.id}>{option.id}</option>)}
      </select>
    </label>
  );
}

/** The chosen option, else the first. */
const pick = (options: readonly FaultTarget[], id: string) => options.find((option) => option.id === id) ?? options[0];

export function FaultForm() {
  const words = useWords(EDITOR_WORDS);
  const view = useSimView();
  const scenario = usePlayback((s) => s.scenario);
  const language = usePlayback((s) => s.language);
  const [action, setAction] = useState<FaultAction>('crashBroker');
  const [chosen, setChosen] = useState('');
  const [chosenPeer, setChosenPeer] = useState('');
  const [errors, setErrors] = useState<ValidationError[]>([]);
  if (!view || !scenario) return null;
  const targets = faultTargets(action, scenario, view.timeline.state);
  const target = pick(targets, chosen);
  const link = isLinkAction(action);
  const peers = link ? linkPeers(targets, target, view.timeline.state) : [];
  const peer = link ? pick(peers, chosenPeer) : undefined;
  const ready = target !== undefined && (!link || peer !== undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    const { source, timeMs } = usePlayback.getState();
    setErrors(applyEditorEdit(addFault(source, action, target, timeMs, peer), timeMs, 'fork'));
  };
  return (
    <form className="rs-fault" onSubmit={submit} data-testid="fault-form">
      <fieldset className="rs-fieldset">
        <legend>{words.addFault}</legend>
        <div className="rs-knob-row">
          <label className="rs-field">
            <span>{words.faultAction}</span>
            <select className="rs-select" value={action} data-testid="fault-action" onChange={(event) => setAction(event.target.value as FaultAction)}>
              {FAULT_ACTIONS.map((name) => <option key={name} value={name}>{actionChoice(name, language)}</option>)}
            </select>
          </label>
          <ProcessSelect label={words.faultTarget} testId="fault-target" options={targets} value={target} onChange={setChosen} />
          {link && <ProcessSelect label={words.faultPeer} testId="fault-peer" options={peers} value={peer} onChange={setChosenPeer} />}
          <button type="submit" className="rs-button" disabled={!ready} data-testid="add-fault">{words.addFaultAt(formatTime(view.timeMs))}</button>
        </div>
      </fieldset>
      <ValidationErrors errors={errors} title={words.problems(errors.length)} testId="fault-errors" />
    </form>
  );
}
