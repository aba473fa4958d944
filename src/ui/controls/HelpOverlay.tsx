/** The `?` overlay: every registered command with its keys, read from ui/commands.ts. */
import { useEffect, useId, useRef } from 'react';
import { usePlayback } from '../../store/playback.ts';
import { COMMANDS } from '../commands.ts';
import { useT } from '../i18n/index.ts';

export function HelpOverlay() {
  const t = useT();
  const titleId = useId();
  const open = usePlayback((s) => s.helpOpen);
  const setHelpOpen = usePlayback((s) => s.setHelpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement;
    closeRef.current?.focus();
    // Focus goes back where it was, so a keyboard user does not lose their place.
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, [open]);
  if (!open) return null;
  return (
    <div className="rs-overlay" onClick={() => setHelpOpen(false)}>
      <div
        className="rs-dialog rs-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="help-overlay"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          // The close button is the dialog's only control: Tab stays on it while the dialog is open.
          if (event.key === 'Tab') {
            event.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <h2 id={titleId}>{t('helpTitle')}</h2>
        <table className="rs-help-table">
          <thead>
            <tr><th scope="col">{t('key')}</th><th scope="col">{t('action')}</th></tr>
          </thead>
          <tbody>
            {COMMANDS.map((command) => (
              <tr key={command.name} data-testid={`help-${command.name}`}>
                <td>{command.keys.map((binding) => (
                  <span key={binding.label} className="rs-help-key">
                    <kbd>{binding.label}</kbd>{binding.presenting && <span className="rs-muted"> ({t('whilePresenting')})</span>}
                  </span>
                ))}</td>
                <td>{t(command.name)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="rs-help-note">{t('helpNote')}</p>
        <p className="rs-help-note">{t('escapeNote')}</p>
        <button ref={closeRef} type="button" className="rs-button" onClick={() => setHelpOpen(false)}>{t('close')}</button>
      </div>
    </div>
  );
}
