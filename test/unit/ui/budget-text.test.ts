import { describe, expect, it } from 'vitest';
import { checkBudget, PAGE_BUDGET } from '../../../src/scenario/budget.ts';
import { describeOverBudget } from '../../../src/ui/controls/budget-text.ts';
import { MANY_QUEUES } from '../../support/heavy-scenarios.ts';
import { scenarioOf } from '../../support/test-sim.ts';

describe('the banner of a scenario too heavy for the page', () => {
  const refused = checkBudget(scenarioOf(MANY_QUEUES), PAGE_BUDGET)!;

  it('says what its two queue counts count: the queues, and each group pulling every queue of a topic it reads (not a part of the first)', () => {
    expect(describeOverBudget(refused, 'en')).toContain('the queues (4.2M on all brokers; each group that reads a topic pulls every queue of it:');
    expect(describeOverBudget(refused, 'zh')).toContain('读取某个主题的每个消费者组都要拉取它的每个队列');
    expect(describeOverBudget(refused, 'zh')).not.toContain('其中');
  });

  it('gives memory past a thousand gigabytes in terabytes', () => {
    const huge = { ...refused, cost: { ...refused.cost, workerBytes: 163.1319e12 } };
    expect(describeOverBudget(huge, 'en')).toContain('and 163.1 TB of memory');
    expect(describeOverBudget(refused, 'en')).toContain('and 10.2 GB of memory');
  });
});
