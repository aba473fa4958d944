/**
 * The page: a header (scenario, language, editing, sharing, help), the playback bar, and the
 * panels, which are views of the run at the playhead. The shell only wires things together:
 * panels live in ui/panels, commands in ui/commands.ts, the animation loop in controls/driver.ts.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { usePage } from '../store/page.ts';
import { isProcessSelection, usePlayback } from '../store/playback.ts';
import { Banner } from './controls/Banner.tsx';
import { CardHost } from './controls/CardHost.tsx';
import { CommandButton } from './controls/CommandButton.tsx';
import { ControlsBar } from './controls/ControlsBar.tsx';
import { startDriver } from './controls/driver.ts';
import { ErrorBoundary } from './controls/ErrorBoundary.tsx';
import { FileButtons } from './controls/FileButtons.tsx';
import { LanguageToggle } from './controls/LanguageToggle.tsx';
import { PresentButton } from './controls/PresentButton.tsx';
import { ScenarioDescription, ScenarioPicker } from './controls/ScenarioPicker.tsx';
import { openDefault } from './controls/session.ts';
import { useRunName } from './controls/use-run-name.ts';
import { ShareButton } from './controls/ShareButton.tsx';
import { useKeyboardShortcuts } from './controls/use-keyboard.ts';
import { useT } from './i18n/index.ts';
import { GlossaryButton } from './learn/GlossaryButton.tsx';
import { FirstVisitSlot } from './learn/FirstVisitSlot.tsx';
import { LearnButton } from './learn/LearnButton.tsx';
import { LearnSlot } from './learn/LearnSlot.tsx';
import { firstFaultAt, sideOrder, type SidePanel } from './panel-order.ts';
import { SummaryBar } from './panels/index.ts';
import { InsightTabs } from './insight/InsightTabs.tsx';
import { onIdle } from './on-idle.ts';
import { useRegionRef } from './regions.ts';
import { OnScreenSlot, whenIdle } from './on-screen.tsx';
import './App.css';

/*
 * The editor and the help overlay are opened on demand, so they are separate chunks: the first
 * paint does not wait for them, and they are fetched once the page is idle, so opening one is
 * still instant. Each is mounted only while open (closed, it renders nothing anyway).
 */
const loadEditor = () => import('./editor/EditorPanel.tsx');
const loadHelp = () => import('./controls/HelpOverlay.tsx');
/*
 * The first paint is the shell, the summary and the Insight tabs' first view, the topology (which
 * draws each broker's queues); the queue grid (insight/ClusterTab.tsx), the event log, the
 * NameServer tables and the failover view are fetched right after it, which keeps the initial
 * JavaScript within its 150 KB budget.
 */
const EventLog = lazy(() => import('./panels/EventLog.tsx').then((module) => ({ default: module.EventLog })));
const NameServerPanel = lazy(() => import('./panels/NameServerPanel.tsx').then((module) => ({ default: module.NameServerPanel })));
const FailoverPanel = lazy(() => import('./panels/FailoverPanel.tsx').then((module) => ({ default: module.FailoverPanel })));
/** The inspector shows a hint until something is selected: its tables load after the first paint. */
const InspectorPanel = lazy(() => import('./panels/InspectorPanel.tsx').then((module) => ({ default: module.InspectorPanel })));
const EditorPanel = lazy(() => loadEditor().then((module) => ({ default: module.EditorPanel })));
const HelpOverlay = lazy(() => loadHelp().then((module) => ({ default: module.HelpOverlay })));
const BlankStage = lazy(() => import('./controls/BlankStage.tsx').then((module) => ({ default: module.BlankStage })));

function usePrefetchOnIdle(): void {
  useEffect(() => {
    const prefetch = () => {
      // A failed prefetch is retried by React.lazy when the panel is opened.
      loadEditor().catch(() => undefined);
      loadHelp().catch(() => undefined);
    };
    return onIdle(prefetch, { withinMs: 3_000 });
  }, []);
}

/**
 * Whether the timeline's first broker fault has passed, as the side column's order follows it: a
 * move across the fault reorders the column once the playhead has come to rest (whenIdle), not in
 * the move's own frame. Dragged or stepped over the fault, the column moved its 6,600 px failover
 * record and the NameServer panel at every crossing, about a twentieth of each seek's work, and
 * jumped under the hand that scrubbed.
 */
function useFaultedAtRest(): boolean {
  const faulted = usePlayback((s) => s.timeMs >= firstFaultAt(s.scenario?.timeline));
  const [shown, setShown] = useState(faulted);
  useEffect(() => (faulted === shown ? undefined : whenIdle(() => setShown(faulted))), [faulted, shown]);
  return shown;
}

/*
 * The panels are made once, not in each render of Panels: they take nothing from it, and an
 * element Panels hands again unchanged is not re-rendered. Panels renders at each move across the
 * first fault (useFaultedAtRest follows the playhead); when it made them anew, every panel was
 * rendered in that move's frame, the queue grid, the NameServer tables and the event log off
 * screen among them, which then drew the new moment at once instead of once the page is idle.
 */
const SIDE: Record<SidePanel, ReactNode> = {
  nameServers: <OnScreenSlot key="nameServers"><Suspense fallback={null}><NameServerPanel className="rs-area-nameservers" /></Suspense></OnScreenSlot>,
  inspector: <OnScreenSlot key="inspector"><Suspense fallback={null}><InspectorPanel className="rs-area-inspector" /></Suspense></OnScreenSlot>,
  log: <OnScreenSlot key="log"><Suspense fallback={null}><EventLog className="rs-area-events" /></Suspense></OnScreenSlot>,
  failover: <OnScreenSlot key="failover"><Suspense fallback={null}><FailoverPanel className="rs-area-failover" /></Suspense></OnScreenSlot>,
};
const INSIGHT = <InsightTabs />;

/**
 * Two columns that stack their panels independently (a grid would align rows across columns
 * and leave holes under the shorter panel); one column on a phone, in reading order.
 */
function Panels() {
  const focus = usePlayback((s) => s.scenario?.focus);
  // A process's details, not a message's: a message opens its card over the side column.
  const inspecting = usePlayback((s) => isProcessSelection(s.selection));
  const faulted = useFaultedAtRest();
  const panels = useRegionRef('panels');
  const mainColumn = useRegionRef('mainColumn');
  const sideColumn = useRegionRef('sideColumn');
  return (
    <div ref={panels} className={`rs-panels${inspecting ? ' rs-panels-inspecting' : ''}`}>
      <SummaryBar className="rs-area-summary" />
      <div ref={mainColumn} className="rs-column rs-column-main">
        {INSIGHT}
      </div>
      <div ref={sideColumn} className="rs-column rs-column-side">
        {sideOrder(focus ?? [], inspecting, faulted).map((name) => SIDE[name])}
      </div>
    </div>
  );
}

function PanelsFailed({ error }: { error: Error }) {
  const t = useT();
  return (
    <div className="rs-failed" role="alert" data-testid="panels-failed">
      <p>{t('panelsFailed', { message: error.message })}</p>
      <button type="button" className="rs-button" onClick={openDefault}>{t('openDefault')}</button>
    </div>
  );
}

function Header() {
  const t = useT();
  const editorOpen = usePage((s) => s.editorOpen);
  const setEditorOpen = usePage((s) => s.setEditorOpen);
  return (
    <header className="rs-header">
      <div className="rs-brand">
        <h1 className="rs-title">{t('appName')}</h1>
        <span className="rs-tagline">{t('tagline')}</span>
      </div>
      <ScenarioPicker />
      <div className="rs-header-actions">
        <LearnButton />
        <GlossaryButton />
        <button
          type="button"
          className="rs-button"
          aria-expanded={editorOpen}
          data-testid="edit"
          onClick={() => setEditorOpen(!editorOpen)}
        >
          {t('edit')}
        </button>
        <ShareButton />
        <FileButtons />
        <PresentButton />
        <LanguageToggle />
        <CommandButton name="help" />
      </div>
    </header>
  );
}

/**
 * The tab says which run it shows, so several open tabs can be told apart: by the picker's name for
 * it, said to be edited when a built-in scenario was (its title may no longer hold).
 */
function useDocumentTitle(): void {
  const t = useT();
  const run = useRunName();
  const name = run.edited ? t('editedTitle', { name: run.name }) : run.name;
  useEffect(() => {
    document.title = name ? `${name} · RocketScope` : 'RocketScope';
  }, [name]);
}

export function App() {
  useKeyboardShortcuts();
  useDocumentTitle();
  useEffect(() => startDriver(), []);
  usePrefetchOnIdle();
  const timelineVersion = usePlayback((s) => s.timelineVersion);
  const lineage = usePlayback((s) => s.lineage);
  const editorOpen = usePage((s) => s.editorOpen);
  const helpOpen = usePage((s) => s.helpOpen);
  const presenting = usePage((s) => s.presenting);
  const blanked = usePage((s) => s.blanked);
  return (
    <div className={`rs-app${editorOpen ? ' rs-app-editing' : ''}${presenting ? ' rs-presenting' : ''}`}>
      <Header />
      <FirstVisitSlot />
      <ScenarioDescription />
      <Banner />
      <ControlsBar />
      <LearnSlot />
      <main className="rs-main">
        {/* Remounted for another scenario, not for an edit of this one (lineage): what the person set in the panels stays. */}
        <ErrorBoundary key={lineage} resetKey={timelineVersion} fallback={(error) => <PanelsFailed error={error} />}>
          <Panels />
        </ErrorBoundary>
        {editorOpen && (
          <Suspense fallback={<aside className="rs-editor" aria-busy="true" />}>
            <EditorPanel />
          </Suspense>
        )}
      </main>
      <CardHost />
      {blanked && (
        <Suspense fallback={<div className="rs-blank" />}>
          <BlankStage />
        </Suspense>
      )}
      {helpOpen && (
        <Suspense fallback={null}>
          <HelpOverlay />
        </Suspense>
      )}
    </div>
  );
}
