/**
 * The main column's views as an accessible tablist (WAI-ARIA tabs with automatic activation):
 * arrows, Home and End move between tabs and open them; only the open tab is in the Tab order.
 * A tab's view is loaded when it is first opened (tabs.ts).
 */
import { Suspense, useId, useRef, type KeyboardEvent } from 'react';
import { useInsight } from '../../store/insight.ts';
import { usePlayback } from '../../store/playback.ts';
import { inLanguage, type Bilingual } from '../i18n/index.ts';
import { INSIGHT_TABS, resolveTab } from './tabs.ts';
import './insight.css';

const LIST_LABEL: Bilingual<string> = { en: 'Views', zh: '视图' };

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

export function InsightTabs() {
  const language = usePlayback((s) => s.language);
  const open = resolveTab(useInsight((s) => s.tab));
  const setTab = useInsight((s) => s.setTab);
  const baseId = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const move = MOVES[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    // Handled here, so the page's own arrow shortcuts (step one event) do not also fire.
    event.preventDefault();
    const next = move(index, INSIGHT_TABS.length);
    setTab(INSIGHT_TABS[next]!.id);
    buttons.current[next]?.focus();
  };
  const View = open.view;
  return (
    <div className="rs-insight">
      <div role="tablist" className="rs-insight-tabs" aria-label={inLanguage(LIST_LABEL, language)}>
        {INSIGHT_TABS.map((tab, index) => {
          const selected = tab.id === open.id;
          return (
            <button
              key={tab.id}
              ref={(element) => { buttons.current[index] = element; }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel`}
              tabIndex={selected ? 0 : -1}
              className="rs-insight-tab"
              data-testid={`insight-tab-${tab.id}`}
              onClick={() => setTab(tab.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {inLanguage(tab.label, language)}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${open.id}`} className="rs-insight-panel" data-testid={`insight-panel-${open.id}`}>
        <Suspense fallback={<p className="rs-muted" aria-busy="true">…</p>}>
          <View />
        </Suspense>
      </div>
    </div>
  );
}
