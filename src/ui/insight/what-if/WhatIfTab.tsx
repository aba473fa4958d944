/** The What-if tab: the form, and once a change is asked for, both runs compared. */
import { whatIfFromLink } from '../../../sim/queries/what-if-change.ts';
import { usePlayback } from '../../../store/playback.ts';
import { useWhatIf } from '../../../store/what-if.ts';
import { PanelFrame } from '../../panels/shared.tsx';
import { TEXT_PANEL_REFRESH, useSimView } from '../../use-sim.ts';
import { WhatIfForm } from './WhatIfForm.tsx';
import { WhatIfResult } from './WhatIfResult.tsx';
import { WHAT_IF_STRINGS } from './what-if-strings.ts';
import './what-if.css';
import { inLanguage } from '../../i18n/index.ts';

export function WhatIfTab() {
  const language = usePlayback((s) => s.language);
  const scenario = usePlayback((s) => s.scenario);
  const nowMs = useSimView(TEXT_PANEL_REFRESH)?.timeMs ?? 0;
  const link = useWhatIf((s) => s.change);
  const asked = whatIfFromLink(link ?? undefined);
  const setChange = useWhatIf((s) => s.setChange);
  const strings = inLanguage(WHAT_IF_STRINGS, language);
  if (!scenario) return null;
  return (
    <PanelFrame name="whatif" title={strings.heading}
      aside={asked && <button type="button" className="rs-button" data-testid="whatif-clear" onClick={() => setChange(null)}>{strings.clear}</button>}>
      <p className="rs-muted">{strings.intro}</p>
      <WhatIfForm scenario={scenario} nowMs={nowMs} strings={strings} shown={asked?.change ?? null} />
      {asked && <WhatIfResult key={link ?? ''} asked={asked} scenario={scenario} strings={strings} />}
    </PanelFrame>
  );
}
