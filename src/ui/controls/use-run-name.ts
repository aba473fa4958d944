/**
 * The picker's and the tab's name for the run (runName), and whether it is a built-in scenario
 * edited: worked out when the run or the language changes, not in a store selector, which would
 * look the library up again at every frame of a playing run.
 */
import { useMemo } from 'react';
import { usePlayback } from '../../store/playback.ts';
import { libraryBaseOf, runName } from './session.ts';

export function useRunName(): { name: string; edited: boolean } {
  const scenario = usePlayback((s) => s.scenario);
  const source = usePlayback((s) => s.source);
  const libraryId = usePlayback((s) => s.libraryId);
  const language = usePlayback((s) => s.language);
  return useMemo(() => ({
    name: scenario ? runName(scenario, source, libraryId, language) : '',
    edited: libraryId === null && libraryBaseOf(source) !== null,
  }), [scenario, source, libraryId, language]);
}
