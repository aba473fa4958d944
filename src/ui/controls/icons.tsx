/**
 * Icons of the playback buttons, drawn as SVG: media-control characters (⏮ ⏵) are missing
 * from many fonts and would show as empty boxes. The command's text icon is the fallback.
 */
import type { ReactNode } from 'react';
import type { CommandName } from '../commands.ts';

const PATHS: Partial<Record<CommandName | 'play' | 'pause', ReactNode>> = {
  stepBack: <path d="M3 3h2v10H3zM13 3v10L6 8z" />,
  stepForward: <path d="M11 3h2v10h-2zM3 3v10l7-5z" />,
  play: <path d="M4 2.5v11L13.5 8z" />,
  pause: <path d="M4 3h3v10H4zM9 3h3v10H9z" />,
};

/** Restart is "to the start": a double arrow, unlike the single step back. */
const RESTART = <path d="M2 3h2v10H2zM9 3v10L4.5 8zM15 3v10L10.5 8z" />;

/** Whether the command's button shows a drawn icon (else it shows its text icon). */
export function hasDrawnIcon(name: CommandName): boolean {
  return name === 'togglePlay' || name === 'restart' || PATHS[name] !== undefined;
}

export function CommandIcon({ name, playing, fallback }: { name: CommandName; playing: boolean; fallback: string }) {
  const shape = name === 'togglePlay' ? PATHS[playing ? 'pause' : 'play'] : name === 'restart' ? RESTART : PATHS[name];
  if (!shape) return <span aria-hidden="true">{fallback}</span>;
  return (
    <svg className="rs-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="currentColor">
      {shape}
    </svg>
  );
}
