/** The page's refusal of a scenario over its cost budget, in the person's language. */
import { bytesOf, type OverBudget } from '../../scenario/budget.ts';
import type { CostCause } from '../../scenario/cost.ts';
import type { Language } from '../../scenario/language.ts';
import { translate, type MessageKey } from '../i18n/index.ts';
import { formatBytes } from '../../viz/format.ts';

const CAUSE_KEYS: Record<CostCause, MessageKey> = {
  messages: 'costMessages',
  deliveries: 'costDeliveries',
  queues: 'costQueues',
  clients: 'costClients',
  brokers: 'costBrokers',
};

function count(language: Language, value: number): string {
  return new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

export function describeOverBudget(result: OverBudget, language: Language): string {
  const { cost, budget } = result;
  const amounts: Record<CostCause, number> = { messages: cost.messages, deliveries: cost.deliveries, queues: cost.queues, clients: cost.clients, brokers: cost.brokers };
  const reduce = result.reduce.map((cause) => translate(language, CAUSE_KEYS[cause], {
    count: count(language, amounts[cause]), held: count(language, cost.queueReaders), brokers: cost.brokers,
  }));
  return translate(language, 'tooHeavy', {
    events: count(language, cost.events),
    memory: formatBytes(bytesOf(cost, budget)),
    maxEvents: count(language, budget.events),
    maxMemory: formatBytes(budget.bytes),
    reduce: reduce.join(translate(language, 'costOr')),
  });
}
