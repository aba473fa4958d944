/** The what-if form: one setting, its new value, forked at the playhead. */
import { useId, useState, type FormEvent } from 'react';
import type { Scenario } from '../../../sim/index.ts';
import { plannedEffect, whatIfToLink, whatIfValue, type WhatIfChange } from '../../../sim/queries/what-if-change.ts';
import { formatTime } from '../../../viz/format.ts';
import { usePlayback } from '../../../store/playback.ts';
import { useWhatIf } from '../../../store/what-if.ts';
import { permLabel } from '../../perm.ts';
import { firstChoice, whatIfChoices, type WhatIfChoice } from './what-if-choices.ts';
import { rocketmqNameOf } from './rocketmq-names.ts';
import type { WhatIfStrings } from './what-if-strings.ts';

/**
 * The offers, led by the setting of the what-if on screen where none of them is it (a link may
 * change a setting the form does not offer, or one the scenario lacks), so the form above a
 * comparison or a refusal shows the setting it is about, never another.
 */
function choicesWith(offered: WhatIfChoice[], shown: WhatIfChange | null): WhatIfChoice[] {
  if (!shown || offered.some((c) => c.path === shown.path)) return offered;
  const value = String(shown.value);
  return [{ path: shown.path, suggested: value, options: [value] }, ...offered];
}

/** Whether a value can stand in the choice's field: one of its options, or a number (or nothing yet) in the number field. */
function fits(choice: WhatIfChoice, value: string): boolean {
  return choice.options ? choice.options.includes(value) : value.trim() === '' || Number.isFinite(Number(value));
}

/** The setting picked and the value typed: the what-if on screen's, and again whenever another one is shown (a link opened later). */
function useFormSetting(shown: WhatIfChange | null, first: () => string) {
  const shownLink = shown && whatIfToLink(shown);
  const [seen, setSeen] = useState(shownLink);
  const [path, setPath] = useState(() => shown?.path ?? first());
  const [typed, setTyped] = useState<string | null>(shown && String(shown.value));
  if (shownLink !== seen) {
    setSeen(shownLink);
    if (shown) {
      setPath(shown.path);
      setTyped(String(shown.value));
    }
  }
  return { path, typed, setTyped, pick: (next: string) => { setPath(next); setTyped(null); } };
}

/** The value a submitted choice carries: an option read as a link reads it (`true` a boolean for a boolean key), else a number where one was typed. */
function submittedValue(choice: WhatIfChoice, value: string): WhatIfChange['value'] {
  const number = Number(value);
  return choice.options || value.trim() === '' || !Number.isFinite(number) ? whatIfValue(choice.path, value) : number;
}

/** `shown`: the what-if whose comparison (or refusal) is on screen, which says itself how the change applies. */
export function WhatIfForm({ scenario, nowMs, strings, shown }: { scenario: Scenario; nowMs: number; strings: WhatIfStrings; shown: WhatIfChange | null }) {
  const choices = choicesWith(whatIfChoices(scenario, nowMs), shown);
  const setChange = useWhatIf((s) => s.setChange);
  const language = usePlayback((s) => s.language);
  const { path, typed, setTyped, pick } = useFormSetting(shown, () => firstChoice(scenario, choices, nowMs)?.path ?? '');
  const choice = choices.find((c) => c.path === path) ?? choices[0];
  const settingId = useId();
  const valueId = useId();
  if (!choice) return null;
  const value = typed !== null && fits(choice, typed) ? typed : String(choice.suggested);
  const planned = plannedEffect(choice.path);
  const rocketmqName = rocketmqNameOf(choice.path);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChange(whatIfToLink({ at: Math.round(nowMs), path: choice.path, value: submittedValue(choice, value) }));
  };
  return (
    <form className="rs-whatif-form" onSubmit={submit} data-testid="whatif-form">
      {/* Each label stays on the line of its control when the form wraps (what-if.css). */}
      <span className="rs-whatif-field rs-whatif-setting">
        <label htmlFor={settingId}>{strings.setting}</label>
        <select className="rs-select" id={settingId} value={choice.path} data-testid="whatif-setting" onChange={(e) => pick(e.target.value)}>
          {choices.map((c) => <option key={c.path} value={c.path}>{strings.choiceLabel(c.path, c.current)}</option>)}
        </select>
      </span>
      <span className="rs-whatif-field">
        <label htmlFor={valueId}>{strings.value}</label>
        {choice.options ? (
          <select className="rs-select" id={valueId} value={value} data-testid="whatif-value" onChange={(e) => setTyped(e.target.value)}>
            {choice.options.map((option) => <option key={option} value={option}>{choice.path.endsWith('.perm') ? permLabel(Number(option), language) : option}</option>)}
          </select>
        ) : (
          <input id={valueId} type="number" inputMode="numeric" value={value} className="rs-input rs-whatif-number" data-testid="whatif-value" onChange={(e) => setTyped(e.target.value)} />
        )}
      </span>
      <button type="submit" className="rs-button rs-button-primary" data-testid="whatif-compare">
        {planned === 'atMoment' || planned === null ? `${strings.compare} · ${strings.forkAt(formatTime(nowMs))}` : strings.compare}
      </button>
      {rocketmqName && <p className="rs-muted rs-whatif-planned" data-testid="whatif-rocketmq-name">{strings.rocketmqName(rocketmqName)}</p>}
      {planned !== null && choice.path !== shown?.path && (
        <p className="rs-muted rs-whatif-planned" data-testid="whatif-planned">{planned === 'atMoment' ? strings.forksAt(formatTime(nowMs)) : strings.fromStart[planned]}</p>
      )}
    </form>
  );
}
