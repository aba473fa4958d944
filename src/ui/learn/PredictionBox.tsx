/** "Predict, then run": the question and its choices; once answered, which was right and why. */
import { useEffect, useRef } from 'react';
import type { Language } from '../../scenario/language.ts';
import { focusLost } from '../controls/use-focus-return.ts';
import type { Prediction } from './chapter.ts';
import { LEARN_STRINGS } from './learn-strings.ts';
import { inLanguage } from '../i18n/index.ts';

interface Props {
  prediction: Prediction;
  /** The choice picked, -1 when the learner went on without one, undefined while open. */
  picked: number | undefined;
  /** Whether the run has shown the answer's moment, now or before it moved on (the verdict waits for it). */
  arrived: boolean;
  language: Language;
  onPick(choice: number): void;
}

function verdict(prediction: Prediction, picked: number, language: Language): string {
  const words = inLanguage(LEARN_STRINGS, language);
  const right = prediction.choices[prediction.answer];
  const answer = right ? inLanguage(right, language) : '';
  if (picked === prediction.answer) return words.right(answer);
  return picked < 0 ? words.skipped(answer) : words.wrong(answer);
}

export function PredictionBox({ prediction, picked, arrived, language, onPick }: Props) {
  const words = inLanguage(LEARN_STRINGS, language);
  const open = picked === undefined;
  const question = inLanguage(prediction.question, language);
  // The verdict takes the choices' place (it names the answer): added below them, it made the
  // answered box taller and pushed the queues the question is about below a 1280x800 window.
  const judged = !open && arrived;
  const verdictRef = useRef<HTMLParagraphElement>(null);
  // The picked choice is disabled, then gone with the others: a keyboard user's focus fell to the
  // page's body. It goes to the verdict, which takes the choices' place, unless it went elsewhere.
  useEffect(() => {
    if (judged && focusLost()) verdictRef.current?.focus({ preventScroll: true });
  }, [judged]);
  return (
    <div className="rs-predict" data-testid="prediction" data-open={open}>
      <p className="rs-predict-question"><strong>{words.predict}</strong> {question}</p>
      {!judged && <div className="rs-predict-choices" role="group" aria-label={question}>
        {prediction.choices.map((choice, index) => (
          <button
            key={choice.en}
            type="button"
            className={`rs-button rs-predict-choice${!open && index === prediction.answer ? ' rs-predict-right' : ''}`}
            aria-pressed={picked === index}
            disabled={!open}
            data-testid={`choice-${index}`}
            onClick={() => onPick(index)}
          >
            {inLanguage(choice, language)}
          </button>
        ))}
      </div>}
      {open && <p className="rs-predict-hint">{words.pickOne}</p>}
      {judged && (
        <p ref={verdictRef} tabIndex={-1} className="rs-predict-verdict" data-testid="verdict" data-right={picked === prediction.answer}>
          <strong>{verdict(prediction, picked, language)}</strong> {inLanguage(prediction.why, language)}
        </p>
      )}
    </div>
  );
}
