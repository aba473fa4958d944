/**
 * Share: copies the link to this run at this moment, in the page's language (`lang`: a teacher's
 * students see the words the teacher saw, whatever their browser's; the address bar leaves it out,
 * so a reader's own choice is never pinned). Where the clipboard is refused (an insecure origin,
 * a denied permission) the link appears selected in a field to copy by hand.
 */
import { useEffect, useRef, useState } from 'react';
import { useLesson } from '../../store/lesson.ts';
import { usePlayback } from '../../store/playback.ts';
import { MAX_FRAGMENT_CHARS } from '../../scenario/link.ts';
import { useT } from '../i18n/index.ts';
import { formatBytes } from '../../viz/format.ts';
import { currentLink, writeFragmentNow } from './url-sync.ts';

type ShareState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; link: string } | { kind: 'tooLarge' };

const MESSAGE_MS = 3_000;

export function ShareButton() {
  const t = useT();
  // A chapter's link carries its step, moment and answer only (docs/links.md): the teacher is told before sending it.
  const chapterLink = useLesson((s) => s.chapterId === null ? null : s.answers[s.step] !== undefined ? 'answered' : 'open');
  const [state, setState] = useState<ShareState>({ kind: 'idle' });
  const fieldRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.kind === 'manual') fieldRef.current?.select();
    if (state.kind !== 'copied' && state.kind !== 'tooLarge') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const share = async () => {
    const address = currentLink();
    if (address === null) return setState({ kind: 'tooLarge' });
    const link = `${address}&lang=${usePlayback.getState().language}`;
    writeFragmentNow();
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', link });
    }
  };

  return (
    <div className="rs-share">
      <button type="button" className="rs-button" data-testid="share" onClick={() => void share()}>{t('share')}</button>
      <span className="rs-share-status" role="status" data-testid="share-status">
        {state.kind === 'copied' && t(chapterLink === null ? 'linkCopied' : chapterLink === 'answered' ? 'linkCopiedAnswered' : 'linkCopiedChapter')}
        {state.kind === 'tooLarge' && t('shareTooLarge', { limit: formatBytes(MAX_FRAGMENT_CHARS) })}
      </span>
      {state.kind === 'manual' && (
        <label className="rs-share-manual">
          <span>{t('copyThisLink')}</span>
          <input
            ref={fieldRef}
            className="rs-input"
            readOnly
            value={state.link}
            data-testid="share-link"
            onFocus={(event) => event.target.select()}
            onBlur={() => setState({ kind: 'idle' })}
          />
        </label>
      )}
    </div>
  );
}
