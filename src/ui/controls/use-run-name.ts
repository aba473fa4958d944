/**
 * The picker's and the tab's name for the run (runName), and whether it is a built-in scenario
 * edited, or only replayed as the other RocketMQ version: worked out when the run or the language
 * changes, not in a store selector, which would look the library up again at every frame of a
 * playing run.
 */
import { useMemo } from 'react';
import type { RocketMQVersion } from '../../sim/index.ts';
import { findLibraryEntry } from '../../scenario/library/index.ts';
import { usePlayback } from '../../store/playback.ts';
import { libraryBaseOf, runName } from './session.ts';

export interface RunName {
  name: string;
  /** A built-in scenario changed by an edit (not only by the version switch). */
  edited: boolean;
  /** The version a built-in scenario is replayed as when the 4.x / 5.x switch is all that changed it. */
  replayedAs: RocketMQVersion | null;
}

/** A file without its RocketMQ version, as text: the switch (VersionSwitch.tsx) sets config.rocketmqVersion and nothing else. */
function withoutVersion(file: unknown): string {
  const { config, ...rest } = file as { config?: Record<string, unknown> };
  const others = Object.entries(config ?? {}).filter(([key]) => key !== 'rocketmqVersion');
  return JSON.stringify(others.length > 0 ? { ...rest, config: Object.fromEntries(others) } : rest);
}

/** The version `source` replays the built-in scenario `base` as, when it differs from it in nothing else; else null. */
function replayedVersionOf(source: unknown, base: string | null): RocketMQVersion | null {
  const entry = findLibraryEntry(base ?? '');
  if (!entry || withoutVersion(source) !== withoutVersion(entry.scenario)) return null;
  return ((source as { config?: { rocketmqVersion?: RocketMQVersion } }).config?.rocketmqVersion) ?? null;
}

export function useRunName(): RunName {
  const scenario = usePlayback((s) => s.scenario);
  const source = usePlayback((s) => s.source);
  const libraryId = usePlayback((s) => s.libraryId);
  const language = usePlayback((s) => s.language);
  return useMemo(() => {
    const base = libraryId === null ? libraryBaseOf(source) : null;
    const replayedAs = replayedVersionOf(source, base);
    return { name: scenario ? runName(scenario, source, libraryId, language) : '', edited: base !== null && replayedAs === null, replayedAs };
  }, [scenario, source, libraryId, language]);
}
