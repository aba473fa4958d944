/**
 * The main column's views as an accessible tablist (controls/Tabs.tsx: arrows, Home and End move
 * between tabs and open them; only the open tab is in the Tab order).
 * A tab's view is loaded when it is first opened (tabs.ts).
 */
import { Suspense } from 'react';
import { useInsight } from '../../store/insight.ts';
import { usePlayback } from '../../store/playback.ts';
import { Tabs } from '../controls/Tabs.tsx';
import { inLanguage, type Bilingual } from '../i18n/index.ts';
import { INSIGHT_TABS, resolveTab } from './tabs.ts';
import './insight.css';

const LIST_LABEL: Bilingual<string> = { en: 'Views', zh: '视图' };
const CLASSES = { list: 'rs-insight-tabs', tab: 'rs-insight-tab', panel: 'rs-insight-panel' };

export function InsightTabs() {
  const language = usePlayback((s) => s.language);
  const open = resolveTab(useInsight((s) => s.tab));
  const setTab = useInsight((s) => s.setTab);
  const View = open.view;
  return (
    <div className="rs-insight">
      <Tabs items={INSIGHT_TABS.map((tab) => ({ id: tab.id, label: inLanguage(tab.label, language) }))} selected={open.id} onSelect={setTab}
        label={inLanguage(LIST_LABEL, language)} classes={CLASSES} name="insight">
        <Suspense fallback={<p className="rs-muted" aria-busy="true">…</p>}>
          <View />
        </Suspense>
      </Tabs>
    </div>
  );
}
