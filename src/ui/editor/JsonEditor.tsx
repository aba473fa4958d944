/**
 * The whole scenario as JSON. Problems are listed by path as the person types, the page's cost
 * budget among them; Apply rebuilds the run from the text and returns to the current time. A
 * valid text too heavy for the page can be applied as its first minutes that fit, said with the
 * timeline actions they leave out, or as many minutes with its timeline moved to keep the first.
 */
import { useDeferredValue, useId, useMemo } from 'react';
import { parseScenarioText } from '../../scenario/parse.ts';
import { MINUTE_MS } from '../../scenario/prefix.ts';
import type { ValidationResult } from '../../scenario/validate.ts';
import { useDraft } from '../../store/draft.ts';
import type { BannerOffer } from '../../store/page.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatTime } from '../../viz/format.ts';
import { describeOfferLeavesOut, prefixWords, storyAroundFault } from '../controls/prefix-strings.ts';
import { shorterOffer, withinPageBudget } from '../controls/session.ts';
import { useWords } from '../i18n/index.ts';
import { applyEditorEdit } from './apply.ts';
import { EDITOR_WORDS } from './editor-strings.ts';
import { ValidationErrors } from './ValidationErrors.tsx';

interface DraftCheck {
  result: ValidationResult;
  /** The file the text holds when it is a valid scenario, else null. */
  source: object | null;
  /** A valid text over the page's budget: its first minutes that fit (none when not one does), with its moved window; else null. */
  shorter: BannerOffer | null;
}

function checkDraft(text: string): DraftCheck {
  const parsed = parseScenarioText(text);
  const result = withinPageBudget(parsed);
  const source = parsed.ok ? parsed.source : null;
  return { result, source, shorter: source && !result.ok ? shorterOffer(source, 0) : null };
}

/** Rebuilds the run from `source`, back at the current time or the end of a shorter run; false when it was refused. */
function rebuild(source: unknown, durationMs = Number.POSITIVE_INFINITY): boolean {
  return applyEditorEdit(source, Math.min(usePlayback.getState().timeMs, durationMs), 'rebuild').length === 0;
}

export function JsonEditor() {
  const words = useWords(EDITOR_WORDS);
  const language = usePlayback((s) => s.language);
  const id = useId();
  const source = usePlayback((s) => s.source);
  const timeMs = usePlayback((s) => s.timeMs);
  const draft = useDraft((s) => s.text);
  const setText = useDraft((s) => s.setText);
  const written = useMemo(() => JSON.stringify(source, null, 2), [source]);
  const text = draft ?? written;
  const checked = useDeferredValue(text);
  const { result, source: checkedSource, shorter } = useMemo(() => checkDraft(checked), [checked]);
  const story = shorter?.story;
  const apply = () => {
    // Apply is enabled only once `result` is this text's; the text stays for the person to mend when the run refuses it.
    if (result.ok && checked === text && rebuild(checkedSource)) setText(null);
  };
  const applyShorter = (offer: BannerOffer) => {
    if (rebuild(offer.source, offer.minutes * MINUTE_MS)) setText(null);
  };
  return (
    <div className="rs-json">
      <label htmlFor={id} className="rs-json-label">{words.jsonLabel}</label>
      <textarea
        id={id}
        className="rs-textarea"
        spellCheck={false}
        value={text}
        data-testid="json-editor"
        onChange={(event) => setText(event.target.value)}
      />
      {/* A long text is checked a moment after it changed: until then the verdict shown would be the old text's. */}
      {checked !== text ? <p className="rs-note" role="status" data-testid="json-checking">{words.jsonChecking}</p>
        // Only the verdict is announced: the time follows the playhead, and a live region would speak it every frame of a playing run.
        : result.ok ? <p className="rs-note"><span role="status">{words.jsonValid}</span> {words.jsonApplyReturns(formatTime(timeMs))}</p>
        : <ValidationErrors errors={result.errors} title={words.problems(result.errors.length)} testId="json-errors" />}
      {shorter && checked === text && shorter.dropped.length > 0 && (
        <p className="rs-note" data-testid="json-shorter-leaves-out">{describeOfferLeavesOut(shorter, language)}</p>
      )}
      <div className="rs-json-actions">
        <button type="button" className="rs-button rs-button-primary" disabled={!result.ok || checked !== text} data-testid="apply-json" onClick={apply}>{words.applyJson}</button>
        {shorter && checked === text && (
          <button type="button" className="rs-button" data-testid="apply-json-shorter" onClick={() => applyShorter(shorter)}>
            {words.applyFirstMinutes(shorter.minutes)}
          </button>
        )}
        {story && checked === text && (
          <button type="button" className="rs-button" data-testid="apply-json-story" onClick={() => applyShorter(story)}>
            {prefixWords(language).applyStory(story.minutes, storyAroundFault(story))}
          </button>
        )}
        <button type="button" className="rs-button" disabled={draft === null} onClick={() => setText(null)}>{words.resetJson}</button>
      </div>
    </div>
  );
}
