import { sameRoute, topicRouteData2PublishQueues } from '../../../src/model/client/topic-route.ts';
import type { BrokerData, QueueData, TopicRouteData } from '../../../src/model/state.ts';

const queueData = (brokerName: string, overrides: Partial<QueueData> = {}): QueueData => ({ brokerName, readQueueNums: 4, writeQueueNums: 4, perm: 6, ...overrides });
const brokerData = (brokerName: string, brokerAddrs: Record<number, string>): BrokerData => ({ cluster: 'DefaultCluster', brokerName, brokerAddrs });

const route = (): TopicRouteData => ({
  queueDatas: [queueData('broker-a'), queueData('broker-b')],
  brokerDatas: [brokerData('broker-a', { 0: '10.0.0.1:10911', 1: '10.0.0.2:10911' }), brokerData('broker-b', { 0: '10.0.0.3:10911' })],
});

describe('sameRoute (MQClientInstance.topicRouteDataChanged: TopicRouteData.equals on sorted clones)', () => {
  it('holds for an equal route in another order, and for broker addresses added in another order', () => {
    const other = route();
    other.queueDatas.reverse();
    other.brokerDatas = [brokerData('broker-b', { 0: '10.0.0.3:10911' }), brokerData('broker-a', { 1: '10.0.0.2:10911', 0: '10.0.0.1:10911' })];
    expect(sameRoute(route(), other)).toBe(true);
  });

  it('fails when a queue count, a permission, a cluster or an address differs', () => {
    const changes: ((r: TopicRouteData) => void)[] = [
      (r) => { r.queueDatas[1] = queueData('broker-b', { writeQueueNums: 8 }); },
      (r) => { r.queueDatas[0] = queueData('broker-a', { readQueueNums: 2 }); },
      (r) => { r.queueDatas[0] = queueData('broker-a', { perm: 4 }); },
      (r) => { r.brokerDatas[1] = { ...brokerData('broker-b', { 0: '10.0.0.3:10911' }), cluster: 'Other' }; },
      (r) => { r.brokerDatas[0] = brokerData('broker-a', { 0: '10.0.0.1:10911' }); },
      (r) => { r.brokerDatas[0] = brokerData('broker-a', { 0: '10.0.0.1:10911', 2: '10.0.0.2:10911' }); },
      (r) => { r.queueDatas.pop(); },
    ];
    for (const change of changes) {
      const other = route();
      change(other);
      expect(sameRoute(route(), other)).toBe(false);
      expect(sameRoute(other, route())).toBe(false);
    }
  });

  it('compares a broker\'s name as well as its fields', () => {
    const renamed = route();
    renamed.queueDatas[1] = queueData('broker-c');
    expect(sameRoute(route(), renamed)).toBe(false);
  });
});

describe('topicRouteData2PublishQueues (MQClientInstance.topicRouteData2TopicPublishInfo)', () => {
  it('lists writable queues by brokerName in String.compareTo order, skipping a broker without a master', () => {
    const r: TopicRouteData = {
      queueDatas: [queueData('broker-b', { writeQueueNums: 2 }), queueData('broker-a', { writeQueueNums: 1 }), queueData('broker-c', { perm: 4 }), queueData('broker-d')],
      brokerDatas: [brokerData('broker-a', { 0: 'a' }), brokerData('broker-b', { 0: 'b' }), brokerData('broker-c', { 0: 'c' }), brokerData('broker-d', { 1: 'd' })],
    };
    expect(topicRouteData2PublishQueues('T', r).map((mq) => `${mq.brokerName}:${mq.queueId}`)).toEqual(['broker-a:0', 'broker-b:0', 'broker-b:1']);
  });
});
