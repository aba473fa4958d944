/**
 * The caption of a trace event: what it means, in plain words, in the page's language, with the
 * run's configured numbers. Loaded on demand (the caption and the scrubber's marks use it).
 */
import { masterOf, type TraceEvent, type ModelState } from '../../sim/index.ts';
import type { Language } from '../../store/playback.ts';
import type { NarrationContext, Narrators } from './context.ts';
import type { BrokerNodeNames } from '../broker-node-names.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';
import { type Bilingual, inLanguage } from '../i18n/index.ts';

const NARRATORS: Bilingual<Narrators> = { en, zh };

export function narrate(event: TraceEvent, language: Language, context: NarrationContext): string {
  const narrator = inLanguage(NARRATORS, language)[event.type] as (e: TraceEvent, c: NarrationContext) => string;
  return narrator(event, context);
}

export type { NarrationContext } from './context.ts';

/** The context of a caption at the time a state shows: the run's config, its topics' readQueueNums and the brokers' nodes. */
export function contextAt(config: NarrationContext['config'], state: Readonly<ModelState>, names?: BrokerNodeNames): NarrationContext {
  return {
    config,
    ...(names ? { names } : {}),
    readQueueNums: (brokerName, topic) => masterOf(state, brokerName)?.topicConfigTable[topic]?.readQueueNums,
  };
}
