/** The playback bar: the command buttons, the scrubber, the time and the speed. */
import type { CommandName } from '../commands.ts';
import { useT } from '../i18n/index.ts';
import { useRegionRef } from '../regions.ts';
import { CommandButton } from './CommandButton.tsx';
import { Scrubber } from './Scrubber.tsx';
import { SpeedControl } from './SpeedControl.tsx';
import { TimeDisplay } from './TimeDisplay.tsx';

const BUTTONS: CommandName[] = ['restart', 'jumpBack10', 'jumpBack1', 'stepBack', 'togglePlay', 'stepForward', 'jumpForward1', 'jumpForward10'];

export function ControlsBar() {
  const t = useT();
  const region = useRegionRef('controls');
  return (
    <section ref={region} className="rs-controls" aria-label={t('controls')} data-testid="controls">
      <div className="rs-controls-buttons" role="group" aria-label={t('controls')}>
        {BUTTONS.map((name) => <CommandButton key={name} name={name} />)}
      </div>
      <Scrubber />
      <TimeDisplay />
      <SpeedControl />
    </section>
  );
}
