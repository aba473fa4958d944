/**
 * Problems of a scenario file, each by its JSON path, as text; a form names those of its own
 * fields by the field's label instead (`fieldOf`): the person typed into 主题（-t）, not timeline[0].topic.
 */
import { messageIn, type ValidationError } from '../../scenario/validate.ts';
import { usePlayback } from '../../store/playback.ts';
import { afterLabel } from '../i18n/index.ts';

/** A list of thousands would only slow the page: the first ones are enough to start fixing. */
const SHOWN = 50;

interface Props {
  errors: readonly ValidationError[];
  title: string;
  testId: string;
  /** The label of the form's field a path is, or undefined for a path elsewhere in the file. */
  fieldOf?: (path: string) => string | undefined;
}

export function ValidationErrors({ errors, title, testId, fieldOf }: Props) {
  const language = usePlayback((s) => s.language);
  if (errors.length === 0) return null;
  return (
    <div className="rs-errors" data-testid={testId}>
      <p className="rs-errors-title">{title}</p>
      <ul>
        {errors.slice(0, SHOWN).map((error, index) => {
          const field = fieldOf?.(error.path);
          return (
            <li key={`${error.path}-${index}`}>
              {field === undefined
                ? <><code className="rs-errors-path">{error.path}</code>{afterLabel(language)}</>
                : <>{field}{afterLabel(language)}</>}
              {messageIn(error, language)}
            </li>
          );
        })}
        {errors.length > SHOWN && <li>… {errors.length - SHOWN}</li>}
      </ul>
    </div>
  );
}
