/** A button for one registered command: its label, icon and keys all come from ui/commands.ts. */
import { inChapter, useLesson } from '../../store/lesson.ts';
import { usePage } from '../../store/page.ts';
import { usePlayback } from '../../store/playback.ts';
import { commandNamed, typesCharacter, type CommandName } from '../commands.ts';
import { useT } from '../i18n/index.ts';
import { useRegionRef } from '../regions.ts';
import { takenByChapter } from '../learn/use-step-keys.ts';
import { CommandIcon, hasDrawnIcon } from './icons.tsx';

export function CommandButton({ name, className }: { name: CommandName; className?: string }) {
  const t = useT();
  const playing = usePlayback((s) => s.playing);
  // In a chapter ← → PageUp PageDown move between its steps: the button does not claim them.
  const chapterOpen = useLesson(inChapter);
  // With single-key shortcuts off (the help's switch), P, ? ... are not offered either.
  const singleKeys = usePage((s) => s.singleKeyShortcuts);
  const command = commandNamed(name);
  const isPlay = name === 'togglePlay';
  const playRegion = useRegionRef<HTMLButtonElement>('play');
  const label = isPlay ? t(playing ? 'pause' : 'play') : t(command.name);
  const keys = command.keys.filter((binding) => (!chapterOpen || !takenByChapter(binding)) && (singleKeys || !typesCharacter(binding))).map((binding) => binding.label).join(', ');
  // A button that shows words (−10s) is named by them first, so a speech user can say what they see.
  const accessibleName = hasDrawnIcon(name) || !/[\p{L}\p{N}]/u.test(command.icon) ? label : `${command.icon}, ${label}`;
  return (
    <button
      ref={isPlay ? playRegion : undefined}
      type="button"
      className={`rs-button rs-command${isPlay ? ' rs-command-play' : ''}${className ? ` ${className}` : ''}`}
      aria-label={accessibleName}
      title={keys ? `${label} (${keys})` : label}
      data-testid={`command-${name}`}
      onClick={() => command.perform()}
    >
      <CommandIcon name={name} playing={playing} fallback={command.icon} />
    </button>
  );
}
