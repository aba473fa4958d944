/**
 * The captions are a chunk of their own, fetched after the first paint: this hook gives the
 * narrate function once it is there (null before), and re-renders its component then.
 */
import { useEffect, useState } from 'react';

type NarrationModule = typeof import('./narrate.ts');

let loaded: NarrationModule | null = null;
let loading: Promise<NarrationModule> | null = null;

export function loadNarration(): Promise<NarrationModule> {
  loading ??= import('./narrate.ts').then((module) => (loaded = module));
  return loading;
}

export function useNarrator(): NarrationModule | null {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (module) return undefined;
    let live = true;
    // A failed load leaves the plain titles in place; the next mount tries again.
    loadNarration().then((ready) => live && setModule(ready), () => { loading = null; });
    return () => {
      live = false;
    };
  }, [module]);
  return module;
}
