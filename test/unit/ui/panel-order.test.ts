import { sideOrder } from '../../../src/ui/panel-order.ts';

describe('the side column follows the scenario\'s focus', () => {
  it('keeps the usual order without a focus', () => {
    expect(sideOrder([])).toEqual(['nameServers', 'inspector', 'log', 'failover']);
  });

  it('puts the focused panels first, in the usual order among themselves, the others after', () => {
    expect(sideOrder(['queues', 'log'])).toEqual(['log', 'nameServers', 'inspector', 'failover']);
    expect(sideOrder(['log', 'inspector'])).toEqual(['inspector', 'log', 'nameServers', 'failover']);
    expect(sideOrder(['nameServers', 'log'])).toEqual(['nameServers', 'log', 'inspector', 'failover']);
    expect(sideOrder(['failover', 'topology'])).toEqual(['failover', 'nameServers', 'inspector', 'log']);
  });

  it('puts the inspector first of all while a process is selected, the focus after it', () => {
    expect(sideOrder([], true)).toEqual(['inspector', 'nameServers', 'log', 'failover']);
    expect(sideOrder(['log', 'inspector'], true)).toEqual(['inspector', 'log', 'nameServers', 'failover']);
    expect(sideOrder(['failover', 'log'], true)).toEqual(['inspector', 'log', 'failover', 'nameServers']);
  });
});
