/** A NameServer's RouteInfoManager tables: brokerAddrTable, brokerLiveTable and topicQueueTable. */
import { NAMESRV_PORT, perm2String, type NameServerState } from '../../sim/index.ts';
import { usePlayback } from '../../store/playback.ts';
import { formatSeconds, formatTime } from '../../viz/format.ts';
import { DataTable, Facts } from './DataTable.tsx';
import type { InspectStrings } from './inspector-strings.ts';
import { InspectTitle } from './shared.tsx';

/** brokerAddrTable's and brokerLiveTable's address columns. */
const ADDR_IN_ADDR_TABLE = [2];
const ADDR_IN_LIVE_TABLE = [0];
/** Names broken only between their parts (broker-a / /0, %RETRY% / CG_ORDER), never inside one. */
const NODE_IN_LIVE_TABLE = [1];
const NAMES_IN_QUEUE_TABLE = [0, 1];
/**
 * brokerAddrTable's name columns: broker-a and DefaultCluster stay whole (DefaultClust / er). The
 * live table's five columns have no room to spare: its broker-a/0 may break at the hyphen.
 */
const NAMES_IN_ADDR_TABLE = { 0: 8, 3: 14 };

/** A NameServer that is down has no tables: they lived in its memory (the state keeps them only until it starts again, empty). */
const NO_TABLES: Pick<NameServerState, 'brokerAddrTable' | 'brokerLiveTable' | 'topicQueueTable'> = { brokerAddrTable: {}, brokerLiveTable: {}, topicQueueTable: {} };

export function InspectNameServer({ ns, timeMs, strings }: { ns: Readonly<NameServerState>; timeMs: number; strings: InspectStrings }) {
  const language = usePlayback((s) => s.language);
  const tables = ns.up ? ns : NO_TABLES;
  const addrRows = Object.values(tables.brokerAddrTable).flatMap((data) =>
    Object.entries(data.brokerAddrs).map(([brokerId, addr]) => ({ key: `${data.brokerName}/${brokerId}`, cells: [data.brokerName, brokerId, addr, data.cluster] })));
  const liveRows = Object.entries(tables.brokerLiveTable).map(([addr, info]) => ({
    key: addr,
    cells: [addr, `${info.brokerName}/${info.brokerId}`, `${formatTime(info.lastUpdateTimestamp)} (${strings.ago(formatSeconds(timeMs - info.lastUpdateTimestamp, language))})`, String(info.heartbeatTimeoutMillis), String(info.dataVersion)],
  }));
  const topicRows = Object.entries(tables.topicQueueTable).flatMap(([topic, queueDatas]) =>
    Object.values(queueDatas).map((data) => ({
      key: `${topic}@${data.brokerName}`,
      cells: [topic, data.brokerName, String(data.writeQueueNums), String(data.readQueueNums), perm2String(data.perm)],
    })));
  return (
    <div className="rs-inspect" data-testid="inspect-nameserver">
      <InspectTitle>NameServer {ns.id}</InspectTitle>
      <Facts items={[
        [strings.statusLabel, strings.status[ns.up ? 'up' : 'down']],
        [strings.address, `${ns.ip}:${NAMESRV_PORT}`],
        [strings.nextScanLabel, ns.up ? formatTime(ns.nextScanAt) : strings.none],
      ]} />
      <DataTable caption="brokerAddrTable" columns={['brokerName', 'brokerId', strings.address, strings.cluster]} rows={addrRows} empty={strings.none} testId="brokerAddrTable" whole={ADDR_IN_ADDR_TABLE} nameWidths={NAMES_IN_ADDR_TABLE} />
      <DataTable caption="brokerLiveTable" columns={[strings.address, 'broker', strings.lastUpdate, 'heartbeatTimeoutMillis', 'dataVersion']} rows={liveRows} empty={strings.none} testId="brokerLiveTable" whole={ADDR_IN_LIVE_TABLE} identifiers={NODE_IN_LIVE_TABLE} dense />
      <DataTable caption="topicQueueTable" columns={[strings.topic, 'brokerName', 'writeQueueNums', 'readQueueNums', 'perm']} rows={topicRows} empty={strings.none} testId="topicQueueTable" identifiers={NAMES_IN_QUEUE_TABLE} />
    </div>
  );
}
