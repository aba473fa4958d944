/** Problems of a scenario file, each by its JSON path, as text. */
import { messageIn, type ValidationError } from '../../scenario/validate.ts';
import { usePlayback } from '../../store/playback.ts';

/** A list of thousands would only slow the page: the first ones are enough to start fixing. */
const SHOWN = 50;

export function ValidationErrors({ errors, title, testId }: { errors: readonly ValidationError[]; title: string; testId: string }) {
  const language = usePlayback((s) => s.language);
  if (errors.length === 0) return null;
  return (
    <div className="rs-errors" data-testid={testId}>
      <p className="rs-errors-title">{title}</p>
      <ul>
        {errors.slice(0, SHOWN).map((error, index) => (
          <li key={`${error.path}-${index}`}>
            <code className="rs-errors-path">{error.path}</code>: {messageIn(error, language)}
          </li>
        ))}
        {errors.length > SHOWN && <li>… {errors.length - SHOWN}</li>}
      </ul>
    </div>
  );
}
