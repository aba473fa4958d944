/**
 * The Dashboard tab: the RocketMQ Dashboard's tables at the playhead, with its own column names.
 * State at t is read through useSimView; the TPS and today's counts need the run's history and
 * come from the named query dashboardStats. Every table exports as CSV.
 */
import { useMemo, useState } from 'react';
import { isSystemTopic } from '../../../sim/index.ts';
import { brokersAsked, nameServerAsked } from '../../../sim/queries/brokers-asked.ts';
import { usePlayback } from '../../../store/playback.ts';
import { formatTime } from '../../../viz/format.ts';
import { fileStem } from '../../controls/save-file.ts';
import { DataTable } from '../../panels/DataTable.tsx';
import { PanelFrame } from '../../panels/shared.tsx';
import { useSimQuery } from '../../use-sim-query.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../../use-sim.ts';
import { saveCsv } from '../csv.ts';
import { DASHBOARD_STRINGS, type DashboardStrings } from './dashboard-strings.ts';
import { clusterRows, connectionRows, progressRows, routeRows, statusRows, type Row } from './dashboard-tables.ts';
import './dashboard.css';
import { useWords } from '../../i18n/index.ts';

interface TableProps {
  id: string;
  caption: string;
  columns: string[];
  rows: Row[];
  /** The columns of names a user typed (brokers, clients): they may wrap, every other value stays whole. */
  names: readonly number[];
  strings: DashboardStrings;
}

/** A Dashboard table with its CSV export (the file named after the table and the moment). */
function ExportableTable({ id, caption, columns, rows, names, strings }: TableProps) {
  // One array while the table's shape holds: DataTable's rows are drawn again only when it changes.
  const count = columns.length;
  const whole = useMemo(() => Array.from({ length: count }, (_, i) => i).filter((i) => !names.includes(i)), [count, names]);
  return (
    <div className="rs-dashboard-table">
      <button type="button" className="rs-button rs-csv-button" data-testid={`csv-${id}`} aria-label={strings.exportCsvOf(caption)} title={strings.exportCsvOf(caption)}
        // The moment read at the click: a subscription would draw every table again at every frame of a playing run.
        onClick={() => saveCsv(`${fileStem(id, 'table')}-${Math.round(usePlayback.getState().timeMs)}ms.csv`, columns, rows)}>
        {strings.exportCsv}
      </button>
      <DataTable caption={caption} columns={columns} testId={`dashboard-${id}`} empty={strings.none} whole={whole}
        rows={rows.map((row, index) => ({ key: `${index}|${String(row[0])}|${String(row[1])}`, cells: row }))} />
    </div>
  );
}

/** Where the tables hold names: the first column, and the consumer progress's client too. */
const FIRST: readonly number[] = [0];
const BROKER_AND_CLIENT: readonly number[] = [0, 2];

export function DashboardTab() {
  const view = useSimView(TEXT_PANEL_REFRESH);
  const strings = useWords(DASHBOARD_STRINGS);
  const { data: stats, pending } = useSimQuery('dashboardStats', {});
  const [picked, setPicked] = useState<string | null>(null);
  if (!view) return null;
  const state = view.timeline.state;
  const topics = [...new Set(Object.values(state.brokers).flatMap((broker) => Object.keys(broker.topicConfigTable)))].filter((name) => !isSystemTopic(name)).sort();
  const topic = picked !== null && topics.includes(picked) ? picked : topics[0] ?? '';
  const c = strings.cluster;
  const r = strings.route;
  const s = strings.status;
  const p = strings.progress;
  const k = strings.connections;
  const route = topic ? routeRows(state, topic) : null;
  // One NameServer answers the cluster and says which brokers the tables below ask.
  const nameServer = nameServerAsked(state);
  const cluster = clusterRows(state, stats, nameServer);
  const asked = brokersAsked(state, nameServer);
  return (
    <PanelFrame name="dashboard" title={strings.heading} busy={pending}>
      <p className="rs-muted">{strings.intro}</p>
      {cluster && cluster.silent.length > 0 && <p className="rs-dashboard-silent" data-testid="dashboard-silent" role="note">{strings.silent(cluster.nameServer, cluster.silent)}</p>}
      {cluster ? (
        <ExportableTable id="cluster" caption={c.caption(cluster.nameServer)} strings={strings} rows={cluster.rows} names={FIRST}
          columns={[c.brokerName, c.brokerId, c.address, c.version, c.putTps, c.getTps, c.yesterdayPut, c.yesterdayGet, c.todayPut, c.todayGet]} />
      ) : <p className="rs-muted">{strings.noNameServer}</p>}
      <label className="rs-dashboard-topic">{strings.topic}{' '}
        <select className="rs-select" value={topic} onChange={(event) => setPicked(event.target.value)} data-testid="dashboard-topic">
          {topics.map((name) => <option key={name} value={name}>{name}</option>)}
        </select>
      </label>
      {route ? (
        <ExportableTable id="route" caption={r.caption(topic, route.nameServer)} strings={strings} rows={route.rows} names={FIRST}
          columns={[r.brokerName, r.readQueueNums, r.writeQueueNums, r.perm]} />
      ) : <p className="rs-muted">{strings.noRoute}</p>}
      {asked ? (
        <>
          {asked.slaves.length > 0 && <p className="rs-muted" data-testid="dashboard-from-slaves">{strings.fromSlaves(asked.nameServer, asked.slaves)}</p>}
          <ExportableTable id="status" caption={s.caption(topic)} strings={strings} rows={statusRows(topic, asked, stats, formatTime)} names={FIRST}
            columns={[s.broker, s.queue, s.minOffset, s.maxOffset, s.lastUpdate]} />
          {progressRows(state, asked, stats, formatTime).map((group) => (
            <ExportableTable key={`${group.group}@${group.topic}`} id={`progress-${group.group}${group.retry ? '-retry' : ''}`} strings={strings} rows={group.rows} names={BROKER_AND_CLIENT}
              caption={p.caption(group.group, group.topic, group.diffTotal, group.consumeTps, group.lastConsumeTime)}
              columns={[p.broker, p.queue, p.client, p.brokerOffset, p.consumerOffset, p.diff, p.lastTimestamp]} />
          ))}
          {connectionRows(state, asked).map((group) => (
            <ExportableTable key={group.group} id={`connections-${group.group}`} strings={strings} rows={group.rows} names={FIRST}
              caption={k.caption(group.group)} columns={[k.clientId, k.address, k.language, k.version]} />
          ))}
        </>
      ) : <p className="rs-muted">{strings.noNameServer}</p>}
    </PanelFrame>
  );
}
