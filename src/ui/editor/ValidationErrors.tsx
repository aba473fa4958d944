/** Problems of a scenario file, each by its JSON path, as text. */
import type { ValidationError } from '../../scenario/validate.ts';

/** A list of thousands would only slow the page: the first ones are enough to start fixing. */
const SHOWN = 50;

export function ValidationErrors({ errors, title, testId }: { errors: readonly ValidationError[]; title: string; testId: string }) {
  if (errors.length === 0) return null;
  return (
    <div className="rs-errors" data-testid={testId}>
      <p className="rs-errors-title">{title}</p>
      <ul>
        {errors.slice(0, SHOWN).map((error, index) => (
          <li key={`${error.path}-${index}`}>
            <code className="rs-errors-path">{error.path}</code>: {error.message}
          </li>
        ))}
        {errors.length > SHOWN && <li>… {errors.length - SHOWN}</li>}
      </ul>
    </div>
  );
}
