/**
 * What the summary's counters mean is a chunk of its own (summary-hint-strings.ts), fetched after
 * the first paint: this hook gives the hints once they are there (null before), and re-renders its
 * component then.
 */
import { useEffect, useState } from 'react';
import type { Language } from '../../store/playback.ts';
import type { Metric } from './summary-metrics.ts';

type HintsModule = typeof import('./summary-hint-strings.ts');

let loaded: HintsModule | null = null;
let loading: Promise<HintsModule> | null = null;

export function loadSummaryHints(): Promise<HintsModule> {
  loading ??= import('./summary-hint-strings.ts').then((module) => (loaded = module));
  return loading;
}

export function useSummaryHints(language: Language): Record<Metric, string> | null {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (module) return undefined;
    let live = true;
    // A failed load leaves the counters without their tooltips; the next mount tries again.
    loadSummaryHints().then((ready) => live && setModule(ready), () => { loading = null; });
    return () => {
      live = false;
    };
  }, [module]);
  return module ? module.summaryHints(language) : null;
}
