/**
 * The header's "Glossary" button: the chapters' glossary, reachable from the free simulator too.
 * The dialog is a chunk of its own, fetched on the first click, so the first paint does not carry
 * the terms; it gives focus back to this button when it closes (Glossary.tsx).
 */
import { lazy, Suspense, useState } from 'react';
import { usePlayback } from '../../store/playback.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';

const Glossary = lazy(() => import('./Glossary.tsx').then((module) => ({ default: module.Glossary })));

// Not the dialog's title (LEARN_STRINGS.glossary): importing it would put all the chapter player's words in the first paint's 150 KB.
const LABEL: Bilingual<string> = { en: 'Glossary', zh: '术语表' };

export function GlossaryButton() {
  const language = usePlayback((s) => s.language);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="rs-button" aria-haspopup="dialog" aria-expanded={open} data-testid="glossary-header" onClick={() => setOpen(true)}>
        {inLanguage(LABEL, language)}
      </button>
      {open && (
        <Suspense fallback={null}>
          <Glossary onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
