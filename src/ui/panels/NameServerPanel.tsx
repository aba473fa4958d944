/**
 * Each NameServer's view of the cluster: up or down, its brokerLiveTable with the time since
 * every broker's last registration and the countdown to the 120 s expiry, the next
 * scanNotActiveBroker, its routes per topic, and a sentence wherever two NameServers disagree.
 */
import { lazy, memo, Suspense, useMemo } from 'react';
import { usePlayback } from '../../store/playback.ts';
import { CLIENT_VIEW_STRINGS } from './client-view-strings.ts';
import { NAMESRV_PORT, registerNameServerPeriod, type SimConfig } from '../../sim/index.ts';
import { formatPeriod, formatSeconds } from '../../viz/format.ts';
import { ScrollArea } from '../controls/ScrollArea.tsx';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import { Countdown } from './Countdown.tsx';
import { disagreements, nameServerViews, type Disagreement, type NameServerView, type RouteRow } from './nameserver-model.ts';
import { NAME_SERVER_STRINGS, type NameServerStrings } from './nameserver-strings.ts';
import { derivedAt, EmptyPanel, PanelFrame, usePanelStrings } from './shared.tsx';
import type { PanelStrings } from './strings.ts';
import { useWords } from '../i18n/index.ts';

/** The panels' shared words (a status, an address) and the NameServer panel's own. */
type Strings = PanelStrings & NameServerStrings;

/** The 4.x / 5.x switch replays the run: loaded after the first paint. */
const VersionSwitch = lazy(() => import('./VersionSwitch.tsx').then((module) => ({ default: module.VersionSwitch })));

interface NameServerPanelProps {
  className?: string;
}

function BrokerTable({ view, config, strings }: { view: NameServerView; config: SimConfig; strings: Strings }) {
  const language = usePlayback((s) => s.language);
  const words = useWords(CLIENT_VIEW_STRINGS);
  if (view.brokers.length === 0) return <p className="rs-muted">{strings.noBrokersRegistered}</p>;
  // A narrow column (the editor open beside it) scrolls the table rather than spill out of the card.
  return (
    <ScrollArea className="rs-table-scroll" label={`brokerLiveTable · ${view.id}`}>
      <table className="rs-table rs-ns-table">
        <caption className="rs-visually-hidden">brokerLiveTable · {view.id}</caption>
        <thead>
          <tr>
            <th scope="col">brokerName / brokerId · {strings.address}</th>
            <th scope="col">{words.sinceHeartbeat(formatPeriod(registerNameServerPeriod(config), language))}</th>
            <th scope="col">{strings.expiresIn(formatPeriod(config.brokerChannelExpiredTimeMs, language))}</th>
          </tr>
        </thead>
        <tbody>
          {view.brokers.map((row) => (
            <tr key={row.addr} data-testid={`ns-broker-${view.id}-${row.brokerName}-${row.brokerId}`}>
              <td>
                <span className="rs-ns-broker">{row.brokerName}/{row.brokerId}</span>
                <span className="rs-mono rs-muted rs-ns-addr">{row.addr}</span>
              </td>
              <td className="rs-num">{formatSeconds(row.sinceMs, language)}</td>
              <td>
                <Countdown remainingMs={row.expiresInMs} totalMs={row.timeoutMs}
                  label={row.expiresInMs > 0 ? strings.expiryBar(formatSeconds(row.expiresInMs, language)) : strings.overdue} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

interface RoutesProps {
  id: string;
  routes: RouteRow[];
  systemTopics: string[];
  strings: Strings;
}

/** Routes change only when a topic or a broker does: the same rows keep their identity (derivedAt). */
const Routes = memo(function Routes({ id, routes, systemTopics, strings }: RoutesProps) {
  return (
    <div className="rs-ns-routes">
      <h4>{strings.routes}</h4>
      {routes.length === 0 ? <p className="rs-muted">{strings.noRoutes}</p> : (
        <ul>
          {routes.map((route) => (
            <li key={route.topic} data-testid={`ns-route-${id}-${route.topic}`}>
              <strong>{route.topic}</strong>: {route.brokers.map((b) => strings.routeBrokers(b.brokerName, b.writeQueueNums, b.readQueueNums, b.perm)).join(', ')}
            </li>
          ))}
        </ul>
      )}
      {systemTopics.length > 0 && <p className="rs-muted" data-testid={`ns-system-topics-${id}`}>{strings.systemTopicsHidden(systemTopics)}</p>}
    </div>
  );
});

function NameServerCard({ view, config, strings }: { view: NameServerView; config: SimConfig; strings: Strings }) {
  const language = usePlayback((s) => s.language);
  return (
    <article className={`rs-ns-card${view.up ? '' : ' rs-ns-down'}`} data-testid={`nameserver-${view.id}`} aria-label={`NameServer ${view.id}`}>
      <header className="rs-ns-header">
        <h3>{view.id}</h3>
        <span className="rs-mono rs-muted">{view.ip}:{NAMESRV_PORT}</span>
        <span className={`rs-status rs-status-${view.up ? 'up' : 'down'}`}>{strings.status[view.up ? 'up' : 'down']}</span>
      </header>
      {view.up && (
        <div className="rs-ns-scan">
          <span>{strings.nextScanIn(formatSeconds(Math.max(0, view.nextScanInMs), language))}</span>
          <Countdown remainingMs={view.nextScanInMs} totalMs={config.scanNotActiveBrokerIntervalMs} label={strings.nextScanIn(formatSeconds(Math.max(0, view.nextScanInMs), language))} />
        </div>
      )}
      {view.up && <BrokerTable view={view} config={config} strings={strings} />}
      {view.up && <Routes id={view.id} routes={view.routes} systemTopics={view.systemTopics} strings={strings} />}
    </article>
  );
}

/** Where running NameServers list different brokers, or that they agree: said once they list any (before, each card says none is registered). */
const Agreement = memo(function Agreement({ differences, running, listing, strings }: { differences: Disagreement[]; running: number; listing: boolean; strings: Strings }) {
  if (differences.length > 0) {
    return (
      <div className="rs-alert" data-testid="ns-disagreement">
        {differences.map((d) => <p key={d.broker}>{strings.disagreement(d.broker, d.listedBy, d.notListedBy)}</p>)}
      </div>
    );
  }
  return running > 1 && listing ? <p className="rs-muted" data-testid="ns-agreement">{strings.agreement}</p> : null;
});

export function NameServerPanel({ className }: NameServerPanelProps) {
  const view = useSimView(TEXT_PANEL_REFRESH);
  const shared = usePanelStrings();
  const own = useWords(NAME_SERVER_STRINGS);
  const strings = useMemo((): Strings => ({ ...shared, ...own }), [shared, own]);
  const language = usePlayback((s) => s.language);
  const words = useWords(CLIENT_VIEW_STRINGS);
  if (!view) return <EmptyPanel name="nameservers" title={strings.nameServerTitle} className={className} />;
  const { state } = view.timeline;
  const views = derivedAt(view.timeline, view.timeMs, 'nameServerViews', () => nameServerViews(state, view.timeMs));
  const differences = derivedAt(view.timeline, view.timeMs, 'disagreements', () => disagreements(state));
  const { config } = state;
  const aside = <Suspense fallback={null}><VersionSwitch /></Suspense>;
  return (
    <PanelFrame name="nameservers" title={strings.nameServerTitle} className={className} aside={aside} region="nameServers">
      <p className="rs-muted rs-ns-heartbeat-note" data-testid="heartbeat-note">
        {words.heartbeatNote(formatPeriod(registerNameServerPeriod(config), language), formatPeriod(config.brokerChannelExpiredTimeMs, language), formatPeriod(config.scanNotActiveBrokerIntervalMs, language),
          config.serverChannelMaxIdleTimeMs === 0 ? null : formatPeriod(config.serverChannelMaxIdleTimeMs, language))}
      </p>
      <Agreement differences={differences} running={views.filter((v) => v.up).length} listing={views.some((v) => v.up && v.brokers.length > 0)} strings={strings} />
      <div className="rs-ns-cards">
        {views.map((v) => <NameServerCard key={v.id} view={v} config={state.config} strings={strings} />)}
      </div>
    </PanelFrame>
  );
}
