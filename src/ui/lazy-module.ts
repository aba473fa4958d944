/**
 * A module fetched after the first paint (the narration, the summary's hints): `load` starts the
 * fetch once, and `use` gives the module once it is there (null before), re-rendering its
 * component then. A failed fetch leaves the page without it; the next mount tries again.
 */
import { useEffect, useState } from 'react';

interface LazyModule<M> {
  load(): Promise<M>;
  use(): M | null;
}

export function lazyModule<M>(fetch: () => Promise<M>): LazyModule<M> {
  let loaded: M | null = null;
  let loading: Promise<M> | null = null;
  const load = (): Promise<M> => {
    loading ??= fetch().then((module) => (loaded = module));
    return loading;
  };
  function use(): M | null {
    const [module, setModule] = useState(loaded);
    useEffect(() => {
      if (module) return undefined;
      let live = true;
      load().then((ready) => live && setModule(() => ready), () => { loading = null; });
      return () => {
        live = false;
      };
    }, [module]);
    return module;
  }
  return { load, use };
}
