/** Adds a fault to the timeline at the current time: the run forks there. */
import { useState, type FormEvent } from 'react';
import type { ValidationError } from '../../scenario/validate.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatTime } from '../../viz/format.ts';
import { actionChoice } from '../i18n/action-words.ts';
import { useT } from '../i18n/index.ts';
import { useSimView } from '../use-sim.ts';
import { applyEdit } from './apply.ts';
import { addFault, FAULT_ACTIONS, faultTargets, type FaultAction } from './fork.ts';
import { ValidationErrors } from './ValidationErrors.tsx';

export function FaultForm() {
  const t = useT();
  const view = useSimView();
  const scenario = usePlayback((s) => s.scenario);
  const language = usePlayback((s) => s.language);
  const [action, setAction] = useState<FaultAction>('crashBroker');
  const [chosen, setChosen] = useState('');
  const [errors, setErrors] = useState<ValidationError[]>([]);
  if (!view || !scenario) return null;
  const targets = faultTargets(action, scenario, view.timeline.state);
  const target = targets.includes(chosen) ? chosen : (targets[0] ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target === '') return;
    const { source, timeMs } = usePlayback.getState();
    setErrors(applyEdit(addFault(source, action, target, timeMs), timeMs, 'fork'));
  };
  return (
    <form className="rs-fault" onSubmit={submit} data-testid="fault-form">
      <fieldset className="rs-fieldset">
        <legend>{t('addFault')}</legend>
        <div className="rs-knob-row">
          <label className="rs-field">
            <span>{t('faultAction')}</span>
            <select className="rs-select" value={action} data-testid="fault-action" onChange={(event) => setAction(event.target.value as FaultAction)}>
              {FAULT_ACTIONS.map((name) => <option key={name} value={name}>{actionChoice(name, language)}</option>)}
            </select>
          </label>
          <label className="rs-field">
            <span>{t('faultTarget')}</span>
            <select className="rs-select" value={target} data-testid="fault-target" onChange={(event) => setChosen(event.target.value)}>
              {targets.map((name) => <option key={name} value={name}>{name}</option>)}
            </select>
          </label>
          <button type="submit" className="rs-button" disabled={target === ''} data-testid="add-fault">{t('addFaultAt', { time: formatTime(view.timeMs) })}</button>
        </div>
      </fieldset>
      <ValidationErrors errors={errors} title={t('jsonProblems', { count: errors.length })} testId="fault-errors" />
    </form>
  );
}
