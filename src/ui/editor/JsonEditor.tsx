/**
 * The whole scenario as JSON. Problems are listed by path as the person types; Apply rebuilds
 * the run from the text and returns to the current time.
 */
import { useDeferredValue, useId, useMemo } from 'react';
import { parseScenarioText } from '../../scenario/parse.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatTime } from '../../viz/format.ts';
import { useT } from '../i18n/index.ts';
import { applyEdit } from './apply.ts';
import { useDraft } from './draft.ts';
import { ValidationErrors } from './ValidationErrors.tsx';

export function JsonEditor() {
  const t = useT();
  const id = useId();
  const source = usePlayback((s) => s.source);
  const timeMs = usePlayback((s) => s.timeMs);
  const draft = useDraft((s) => s.text);
  const setText = useDraft((s) => s.setText);
  const written = useMemo(() => JSON.stringify(source, null, 2), [source]);
  const text = draft ?? written;
  const checked = useDeferredValue(text);
  const result = useMemo(() => parseScenarioText(checked), [checked]);
  const apply = () => {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return;
    applyEdit(JSON.parse(text.replace(/^\uFEFF/, '')), usePlayback.getState().timeMs, 'rebuild');
    setText(null);
  };
  return (
    <div className="rs-json">
      <label htmlFor={id} className="rs-json-label">{t('jsonLabel')}</label>
      <textarea
        id={id}
        className="rs-textarea"
        spellCheck={false}
        value={text}
        data-testid="json-editor"
        onChange={(event) => setText(event.target.value)}
      />
      {result.ok
        ? <p className="rs-note" role="status">{t('jsonValid', { time: formatTime(timeMs) })}</p>
        : <ValidationErrors errors={result.errors} title={t('jsonProblems', { count: result.errors.length })} testId="json-errors" />}
      <div className="rs-json-actions">
        <button type="button" className="rs-button rs-button-primary" disabled={!result.ok || checked !== text} data-testid="apply-json" onClick={apply}>{t('applyJson')}</button>
        <button type="button" className="rs-button" disabled={draft === null} onClick={() => setText(null)}>{t('resetJson')}</button>
      </div>
    </div>
  );
}
