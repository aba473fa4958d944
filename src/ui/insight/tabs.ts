/**
 * The Insight views, in tab order: one line each. The first is the cluster as it stands (the
 * topology and the queues) and is part of the first paint; every other view is a chunk of its
 * own, fetched when its tab is first opened, which keeps the initial JavaScript in budget.
 */
import { lazy, type ComponentType } from 'react';
import { INSIGHT_TAB_IDS, type InsightTabId } from '../../store/insight.ts';
import { ClusterTab } from './ClusterTab.tsx';
import { type Bilingual } from '../i18n/index.ts';

interface InsightTab {
  id: InsightTabId;
  label: Bilingual<string>;
  view: ComponentType;
}

/** Each view by its id: an id of INSIGHT_TAB_IDS without its view here does not compile. */
const TABS = {
  cluster: { label: { en: 'Cluster', zh: '集群' }, view: ClusterTab },
  dashboard: { label: { en: 'Dashboard', zh: '控制台' }, view: lazy(() => import('./dashboard/DashboardTab.tsx').then((m) => ({ default: m.DashboardTab }))) },
  message: { label: { en: 'Message', zh: '消息轨迹' }, view: lazy(() => import('./message/MessageTab.tsx').then((m) => ({ default: m.MessageTab }))) },
  diagnostics: { label: { en: 'Diagnostics', zh: '路由诊断' }, view: lazy(() => import('./diagnostics/DiagnosticsTab.tsx').then((m) => ({ default: m.DiagnosticsTab }))) },
  charts: { label: { en: 'Charts', zh: '图表' }, view: lazy(() => import('./charts/ChartsTab.tsx').then((m) => ({ default: m.ChartsTab }))) },
  spacetime: { label: { en: 'Space-time', zh: '时空图' }, view: lazy(() => import('./space-time/SpaceTimeTab.tsx').then((m) => ({ default: m.SpaceTimeTab }))) },
  whatif: { label: { en: 'What-if', zh: '假设分析' }, view: lazy(() => import('./what-if/WhatIfTab.tsx').then((m) => ({ default: m.WhatIfTab }))) },
} satisfies Record<InsightTabId, Omit<InsightTab, 'id'>>;

export const INSIGHT_TABS: readonly InsightTab[] = INSIGHT_TAB_IDS.map((id) => ({ id, ...TABS[id] }));

/** The tab a link or the store names, or the first tab when the name is unknown or damaged. */
export function resolveTab(id: string | undefined): InsightTab {
  return INSIGHT_TABS.find((tab) => tab.id === id) ?? INSIGHT_TABS[0]!;
}
