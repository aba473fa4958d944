/**
 * The Dashboard tab's words: the RocketMQ Dashboard's own column names (its i18n tables, en.js and
 * zh.js of apache/rocketmq-dashboard), RocketMQ's field names kept in Latin script.
 */
import { formatTime, UNIT_SPACE } from '../../../viz/format.ts';
import { andList, type Bilingual } from '../../i18n/index.ts';
import { NO_ANSWER, type SilentBroker } from './dashboard-tables.ts';

export interface DashboardStrings {
  heading: string;
  intro: string;
  /** The export button's words; its accessible name and tooltip add the table's caption, which a typed name can make very long. */
  exportCsv: string;
  exportCsvOf: (table: string) => string;
  topic: string;
  group: string;
  none: string;
  cluster: { caption: (nameServer: string) => string; brokerName: string; brokerId: string; address: string; version: string; putTps: string; getTps: string; yesterdayPut: string; yesterdayGet: string; todayPut: string; todayGet: string };
  route: { caption: (topic: string, nameServer: string) => string; brokerName: string; readQueueNums: string; writeQueueNums: string; perm: string };
  status: { caption: (topic: string) => string; broker: string; queue: string; minOffset: string; maxOffset: string; lastUpdate: string };
  progress: {
    caption: (group: string, topic: string, diffTotal: number, tps: string, lastConsumeTime: string) => string;
    broker: string; queue: string; client: string; brokerOffset: string; consumerOffset: string; diff: string; lastTimestamp: string;
  };
  connections: { caption: (group: string) => string; clientId: string; address: string; language: string; version: string };
  noRoute: string;
  noNameServer: string;
  /** The NameServer lists no master for these names: their slaves answer the tables below. */
  fromSlaves: (nameServer: string, slaves: readonly { name: string; node: string }[]) => string;
  /** The NameServer lists brokers that do not answer: what RocketMQ's Dashboard shows then, and what this tab shows. */
  silent: (nameServer: string, brokers: readonly SilentBroker[]) => string;
}

const en: DashboardStrings = {
  heading: 'Dashboard',
  intro: 'The RocketMQ Dashboard\'s tables at the playhead; the run starts at midnight, so "today" is the whole run so far. '
    + `Every TPS is a broker's own count, of what it wrote or returned to pulls, never of what the listeners consumed: Produce Message TPS and Consumer Message TPS over its last 10${UNIT_SPACE}s (StoreStatsService putTps, getTransferredTps), `
    + `a group's Consume TPS over about a minute (BrokerStatsManager.tpsGroupGetNums: messages returned to its pulls, a snapshot every 10${UNIT_SPACE}s, the last 7 averaged). `
    + 'So a slow consumer\'s Consume TPS stays at the produce rate: it pulls on until 1,000 messages wait in a queue\'s ProcessQueue (pullThresholdForQueue); what shows it is diff growing while lastTimestamp, the store time of the last message it committed, stands still. '
    + 'Today\'s consume count (msgGetTotalTodayNow) counts pulls too, so messages pulled and not consumed yet, or pulled again after a rebalance, make it run ahead of the Summary\'s Consumed. '
    + 'Today\'s produce count is what a broker wrote: in 4.x a slave\'s replicas too, in 5.x only what the send processors put, so a slave reads 0 (its Produce Message TPS still counts its replicas). '
    + 'diffTotal counts from the offset committed on the broker (what was consumed but not committed yet counts) and only on the brokers the NameServer lists, so it can differ from the Summary\'s Lagging.',
  exportCsv: 'Export as CSV',
  exportCsvOf: (table) => `Export as CSV: ${table}`,
  topic: 'Topic',
  group: 'Consumer group',
  none: 'Nothing yet at this moment.',
  cluster: { caption: (nameServer) => `Cluster (brokerAddrTable, as ${nameServer} answers)`, brokerName: 'Broker', brokerId: 'NO.', address: 'Address', version: 'Version', putTps: 'Produce Message TPS', getTps: 'Consumer Message TPS', yesterdayPut: 'Yesterday Produce Count', yesterdayGet: 'Yesterday Consume Count', todayPut: 'Today Produce Count', todayGet: 'Today Consume Count' },
  route: { caption: (topic, nameServer) => `Router: ${topic} (queueDatas, as ${nameServer} answers)`, brokerName: 'brokerName', readQueueNums: 'readQueueNums', writeQueueNums: 'writeQueueNums', perm: 'perm' },
  status: { caption: (topic) => `Status: ${topic}`, broker: 'Broker', queue: 'Queue', minOffset: 'minOffset', maxOffset: 'maxOffset', lastUpdate: 'lastUpdateTimeStamp' },
  progress: {
    caption: (group, topic, diffTotal, tps, last) => `${group} · ${topic} · diffTotal ${diffTotal} · Consume TPS ${tps} · Last Consume Time ${last}`,
    broker: 'Broker', queue: 'Queue', client: 'consumerClient', brokerOffset: 'brokerOffset', consumerOffset: 'consumerOffset', diff: 'diff', lastTimestamp: 'lastTimestamp',
  },
  connections: { caption: (group) => `Client: ${group}`, clientId: 'clientId', address: 'clientAddr', language: 'language', version: 'version' },
  noRoute: 'No NameServer holds a route for this topic now.',
  noNameServer: 'No NameServer is running: the Dashboard has nobody to ask for the cluster.',
  fromSlaves: (nameServer, slaves) => {
    const one = slaves.length === 1;
    return `${nameServer} lists no master for ${andList(slaves.map((s) => s.name))}: below, ${andList(slaves.map((s) => s.node))} ${one ? 'answers in its' : 'answer in their'} place (BrokerData.selectBrokerAddr picks a slave). A slave's consumer offsets are those it copied from its master (SlaveSynchronize) and those the consumers have committed to it since: every 5${UNIT_SPACE}s, and with each pull in 5.x.`;
  },
  silent: (nameServer, brokers) => {
    const each = brokers.map((b) => `${b.node} (${b.addr}) ${{
      partitioned: `is cut off by a partition: a request to it gets no answer within the admin tool's timeout (DefaultMQAdminExt, 5${UNIT_SPACE}s)`,
      poweredOff: `has lost power: a request to it gets no answer within the admin tool's timeout (DefaultMQAdminExt, 5${UNIT_SPACE}s)`,
      down: `is down: a connection to it is refused; its host closed its connections, so ${nameServer} drops it as soon as the close reaches it`,
    }[b.why]}${b.dropsAt === null ? '' : `, and ${nameServer} lists it until ${formatTime(b.dropsAt)} at the earliest`}.`);
    return `Not every broker ${nameServer} lists answers. ${each.join(' ')} RocketMQ's Dashboard asks each broker in turn and stops at the first that fails: it shows no Cluster page at all, nor the Status or the consumer progress of a topic such a broker holds (examineTopicStats, examineConsumeStats); mqadmin clusterList prints the broker with zeros. Here the cells of a broker that does not answer read ${NO_ANSWER} and its queues are left out.`;
  },
};

const zh: DashboardStrings = {
  heading: '控制台',
  intro: '播放头时刻的 RocketMQ 控制台表格；运行从午夜开始，所以“今天”就是到目前为止的整个运行。'
    + `所有 TPS 都是 Broker 自己的计数，统计它写入的或返回给拉取请求的消息，而不是监听器消费的消息：生产消息TPS 和消费消息TPS 按最近 10${UNIT_SPACE}秒计算（StoreStatsService 的 putTps、getTransferredTps），`
    + `消费者组的消费TPS 按约一分钟计算（BrokerStatsManager.tpsGroupGetNums：返回给该组拉取请求的消息数，每 10${UNIT_SPACE}秒一个快照，取最近 7 个求平均）。`
    + '所以消费慢的消费者，消费TPS 仍与生产速率相同：它会一直拉取，直到某个队列的 ProcessQueue 里积压 1000 条消息（pullThresholdForQueue）；能看出问题的是差值不断增大，而 lastTimestamp（它提交的最后一条消息的存储时间）停住不动。'
    + '“今天消费总数”（msgGetTotalTodayNow）统计的也是拉取：已拉取但尚未消费的、以及负载均衡后再次拉取的也计入，所以会比概览的“已消费”多。'
    + '“今天生产总数”是 Broker 写入的消息数：4.x 中 Slave 的副本也计入；5.x 中只计发送处理器写入的，所以 Slave 为 0（它的生产消息TPS 仍计入副本）。'
    + 'diffTotal 从 Broker 上已提交的位点算起（已消费但尚未提交的也计入），而且只统计 NameServer 列出的 Broker，所以可能与概览的“消费堆积”不同。',
  exportCsv: '导出为 CSV',
  exportCsvOf: (table) => `导出为 CSV：${table}`,
  topic: '主题',
  group: '消费者组',
  none: '此刻还没有数据。',
  cluster: { caption: (nameServer) => `集群（brokerAddrTable，${nameServer} 的应答）`, brokerName: '分片', brokerId: '编号', address: '地址', version: '版本', putTps: '生产消息TPS', getTps: '消费消息TPS', yesterdayPut: '昨日生产总数', yesterdayGet: '昨日消费总数', todayPut: '今天生产总数', todayGet: '今天消费总数' },
  route: { caption: (topic, nameServer) => `路由：${topic}（队列信息，${nameServer} 的应答）`, brokerName: 'brokerName', readQueueNums: '读队列数量', writeQueueNums: '写队列数量', perm: 'perm' },
  status: { caption: (topic) => `状态：${topic}`, broker: 'Broker', queue: '队列', minOffset: '最小位点', maxOffset: '最大位点', lastUpdate: '上次更新时间' },
  progress: {
    caption: (group, topic, diffTotal, tps, last) => `${group} · ${topic} · 差值 ${diffTotal} · 消费TPS ${tps} · 最后消费时间 ${last}`,
    broker: 'Broker', queue: '队列', client: '消费者终端', brokerOffset: '代理者位点', consumerOffset: '消费者位点', diff: '差值', lastTimestamp: 'lastTimestamp',
  },
  connections: { caption: (group) => `终端：${group}`, clientId: 'clientId', address: 'clientAddr', language: 'language', version: 'version' },
  noRoute: '此刻没有 NameServer 持有该主题的路由。',
  noNameServer: '没有正在运行的 NameServer：控制台无处查询集群。',
  silent: (nameServer, brokers) => {
    const each = brokers.map((b) => `${b.node}（${b.addr}）${{
      partitioned: `被网络分区隔离：发给它的请求在管理工具的超时时间（DefaultMQAdminExt，5${UNIT_SPACE}秒）内得不到应答`,
      poweredOff: `所在机器断电：发给它的请求在管理工具的超时时间（DefaultMQAdminExt，5${UNIT_SPACE}秒）内得不到应答`,
      down: `已停止运行：连接它会被拒绝；它的主机关闭了它的连接，所以关闭一传到 ${nameServer}，${nameServer} 就剔除它`,
    }[b.why]}${b.dropsAt === null ? '' : `，${nameServer} 最早在 ${formatTime(b.dropsAt)} 才剔除它`}。`);
    return `${nameServer} 列出的 Broker 并非都能应答。${each.join('')}RocketMQ 控制台逐个询问 Broker，遇到第一个失败的就整体报错：集群页面整个打不开，这种 Broker 持有的主题的状态和消费进度也都无法显示（examineTopicStats、examineConsumeStats）；mqadmin clusterList 则把它的各项显示为 0。这里，无应答的 Broker 的单元格显示为 ${NO_ANSWER}，它的队列不列出。`;
  },
  fromSlaves: (nameServer, slaves) => `${nameServer} 里已没有 ${slaves.map((s) => s.name).join('、')} 的 Master：下面的表格由 ${slaves.map((s) => s.node).join('、')} 代为应答（BrokerData.selectBrokerAddr 会选一个 Slave）。Slave 上的消费位点，是它从 Master 同步来的（SlaveSynchronize），加上此后消费者提交给它的：每 5${UNIT_SPACE}秒一次，5.x 中每次拉取也会提交。`,
};

export const DASHBOARD_STRINGS: Bilingual<DashboardStrings> = { en, zh };
