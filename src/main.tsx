/**
 * Boot: the person's language, the run the address names (or the default scenario), then the
 * page. Opening never fails silently: a bad link opens the default with a banner, and a
 * failure while drawing shows a message instead of a white page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { runInWorker, usePlayback } from './store/playback.ts';
import { App } from './ui/App.tsx';
import { ErrorBoundary } from './ui/controls/ErrorBoundary.tsx';
import { openDefault, openFromHash } from './ui/controls/session.ts';
import { startUrlSync } from './ui/controls/url-sync.ts';
import { translate } from './ui/i18n/index.ts';
import { browserLanguages, chooseLanguage, readRememberedLanguage } from './ui/i18n/language-choice.ts';

function boot(): void {
  const state = usePlayback.getState();
  state.openInLanguage(chooseLanguage({ hash: window.location.hash, search: window.location.search, remembered: readRememberedLanguage(), browser: browserLanguages() }));
  dropQueryLanguage();
  try {
    openFromHash(window.location.hash);
  } catch (error) {
    // A run that cannot even be built is a bug in the simulator; the page still opens.
    openDefault();
    state.fail(error instanceof Error ? error.message : String(error));
  }
  startUrlSync();
  // The benchmark's handle is loaded only for `?bench`, so the page itself never carries it; and
  // only once the run is open, so that its first command never meets an empty store.
  if (new URLSearchParams(window.location.search).has('bench')) void import('./ui/bench-hook.ts').then((hook) => hook.installBenchHook());
}

/**
 * A `?lang=` is a link's language for this visit, as the fragment's `lang` is (the fragment is
 * rewritten as the run moves): taken off the address, so a reload after the learner picks another
 * language keeps theirs.
 */
function dropQueryLanguage(): void {
  const query = new URLSearchParams(window.location.search);
  if (!query.has('lang')) return;
  query.delete('lang');
  const rest = query.toString();
  const search = rest ? `?${rest}` : '';
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
}

function PageFailed({ error }: { error: Error }) {
  const language = usePlayback.getState().language;
  return (
    <div className="rs-failed" role="alert">
      <h1>RocketScope</h1>
      <p>{translate(language, 'pageFailed', { message: error.message })}</p>
      <p><a href={window.location.pathname}>{translate(language, 'openDefault')}</a></p>
    </div>
  );
}

/**
 * The run lives in a Web Worker (src/store/worker/), started before the run is opened, so even a
 * maximal scenario from a link never runs on the page's thread. `?inpage` (or a browser without
 * Worker) keeps it on the page, for debugging. Either way the code that runs it loads here, not
 * in the page's first load. Not a top-level await: the worker's module imports from this one,
 * which must finish first.
 */
if (!new URLSearchParams(window.location.search).has('inpage') && typeof Worker === 'function') {
  void import('./store/remote-run.ts').then(({ startRemoteRun }) => {
    runInWorker(startRemoteRun);
    boot();
  });
} else {
  void import('./store/page-run.ts').then(({ startPageRun }) => {
    startPageRun();
    boot();
  });
}
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary fallback={(error) => <PageFailed error={error} />}>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
