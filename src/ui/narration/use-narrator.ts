/**
 * The captions are a chunk of their own, fetched after the first paint: the narrate function once
 * it is there, null before.
 */
import { lazyModule } from '../lazy-module.ts';

export const useNarrator = lazyModule(() => import('./narrate.ts')).use;
