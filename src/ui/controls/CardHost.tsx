/** Opens the card of a selected message or queue; the card is a chunk of its own, loaded on first use. */
import { lazy, Suspense } from 'react';
import { isCardSelection, usePlayback } from '../../store/playback.ts';

const CardPanel = lazy(() => import('../card/CardPanel.tsx').then((module) => ({ default: module.CardPanel })));

export function CardHost() {
  const selection = usePlayback((s) => s.selection);
  if (!isCardSelection(selection)) return null;
  return (
    <Suspense fallback={null}>
      <CardPanel selection={selection} />
    </Suspense>
  );
}
