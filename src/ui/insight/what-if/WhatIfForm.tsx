/** The what-if form: one setting, its new value, forked at the playhead. */
import { useId, useState, type FormEvent } from 'react';
import type { Scenario } from '../../../sim/index.ts';
import { plannedEffect, whatIfToLink } from '../../../sim/queries/what-if-change.ts';
import { useWhatIf } from '../../../store/what-if.ts';
import { formatTime } from '../../../viz/format.ts';
import { firstChoice, whatIfChoices } from './what-if-choices.ts';
import type { WhatIfStrings } from './what-if-strings.ts';

/** `shownPath`: the setting whose comparison is on screen, which says itself how the change applies. */
export function WhatIfForm({ scenario, nowMs, strings, shownPath }: { scenario: Scenario; nowMs: number; strings: WhatIfStrings; shownPath: string | null }) {
  const choices = whatIfChoices(scenario, nowMs);
  const setChange = useWhatIf((s) => s.setChange);
  const [path, setPath] = useState(() => firstChoice(scenario, choices)?.path ?? '');
  const choice = choices.find((c) => c.path === path) ?? choices[0];
  const [typed, setTyped] = useState<string | null>(null);
  const settingId = useId();
  const valueId = useId();
  if (!choice) return null;
  const value = typed ?? String(choice.suggested);
  const planned = plannedEffect(choice.path);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = Number(value);
    setChange(whatIfToLink({ at: Math.round(nowMs), path: choice.path, value: choice.options || value.trim() === '' || !Number.isFinite(number) ? value : number }));
  };
  return (
    <form className="rs-whatif-form" onSubmit={submit} data-testid="whatif-form">
      <label htmlFor={settingId}>{strings.setting}</label>
      <select className="rs-select" id={settingId} value={choice.path} data-testid="whatif-setting" onChange={(e) => { setPath(e.target.value); setTyped(null); }}>
        {choices.map((c) => <option key={c.path} value={c.path}>{`${c.path} = ${c.current}`}</option>)}
      </select>
      <label htmlFor={valueId}>{strings.value}</label>
      {choice.options ? (
        <select className="rs-select" id={valueId} value={value} data-testid="whatif-value" onChange={(e) => setTyped(e.target.value)}>
          {choice.options.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
      ) : (
        <input id={valueId} type="number" inputMode="numeric" value={value} className="rs-input rs-whatif-number" data-testid="whatif-value" onChange={(e) => setTyped(e.target.value)} />
      )}
      <button type="submit" className="rs-button rs-button-primary" data-testid="whatif-compare">
        {planned === 'atMoment' || planned === null ? `${strings.compare} · ${strings.forkAt(formatTime(nowMs))}` : strings.compare}
      </button>
      {planned !== null && choice.path !== shownPath && (
        <p className="rs-muted rs-whatif-planned" data-testid="whatif-planned">{planned === 'atMoment' ? strings.forksAt(formatTime(nowMs)) : strings.fromStart[planned]}</p>
      )}
    </form>
  );
}
