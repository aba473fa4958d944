/**
 * "Present / 演示": presentation mode for a teacher at a projector (the `presenting` flag; the
 * page root carries `rs-presenting`, which presenting.css and any view may style). The same
 * command as the P key (ui/commands.ts); Esc leaves it (escape.ts). However the mode is left,
 * the window scrolls back to where it was when the mode began (use-presenting-scroll.ts).
 */
import { usePage } from '../../store/page.ts';
import { commandNamed } from '../commands.ts';
import { useT } from '../i18n/index.ts';
import { useScrollBackAfterPresenting } from '../panels/use-presenting-scroll.ts';
import './presenting.css';

export function PresentButton() {
  const t = useT();
  const presenting = usePage((s) => s.presenting);
  // P is offered only while single-key shortcuts are on (the help's switch).
  const singleKeys = usePage((s) => s.singleKeyShortcuts);
  useScrollBackAfterPresenting(presenting);
  return (
    <button
      type="button"
      className="rs-button rs-present-button"
      aria-pressed={presenting}
      title={singleKeys ? `${t('presentHint')} (P)` : t('presentHint')}
      data-testid="present"
      onClick={() => commandNamed('present').perform()}
    >
      {t('present')}
    </button>
  );
}
