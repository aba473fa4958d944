/**
 * A guided chapter: a scenario and the steps a learner walks through. Each step waits for a
 * moment of the run (a virtual time, or the next trace event of a type: src/sim/queries/
 * chapter-moments.ts finds it), pauses there and says what happened, in English and Chinese.
 */
import type { Bilingual } from '../../scenario/language.ts';
import { findLibraryEntry } from '../../scenario/library/index.ts';
import type { StepWait } from '../../sim/queries/chapter-moments.ts';
import type { BrokerModule } from '../panels/broker-modules-model.ts';
import type { AllocationsFigure } from './AllocationFigure.tsx';

/**
 * What a step points at on the canvas: a process (its inspector), or the message its event names
 * (its card). A broker step may name the part of the broker its caption is about (`module`: a
 * module's box, or the committed offsets a pull commits), most of them
 * below the inspector's first screen: the step brings it into view (use-broker-module.ts), as a
 * message step names a part of the card (`section`).
 */
type StepFocus =
  | { kind: 'client'; id: string }
  | { kind: 'nameServer'; id: string; table?: NameServerTable }
  | { kind: 'broker'; id: string; module?: BrokerModule }
  | { kind: 'message'; section?: CardSection };

/**
 * A table of the NameServer's inspector the step is about (RouteInfoManager's topicQueueTable, the
 * route a topic's creation adds), below the brokerAddrTable and brokerLiveTable: the step brings it
 * into view (use-inspector-table.ts) with the NameServer's box still on the canvas.
 */
export type NameServerTable = 'topicQueueTable';

/**
 * A part of the message card the step talks about, scrolled to once the card shows it: the key's
 * lookup in the broker's index (IndexService), or the list of the message's consumptions. Both sit
 * below the card's first screen.
 */
export type CardSection = 'index' | 'consumption';

/** "Predict, then run": the learner picks a choice, the run plays to the step's moment, the page says why. */
export interface Prediction {
  question: Bilingual<string>;
  choices: readonly Bilingual<string>[];
  /** Index of the right choice. */
  answer: number;
  why: Bilingual<string>;
}

export interface ChapterStep {
  wait: StepWait;
  caption: Bilingual<string>;
  focus?: StepFocus;
  /** The topic whose queues the canvas draws at this step (by default the one the canvas picks). */
  topic?: string;
  predict?: Prediction;
  /** What the step shows beside its caption once the run is at its moment: the allocation strategies side by side. */
  figure?: AllocationsFigure;
  /** A step that corrects the study note (docs/learners-note.md), or the chapter's closing "why RocketMQ is built this way". */
  tag?: 'correction' | 'why';
}

export interface Chapter {
  id: string;
  /** A library scenario (src/scenario/library) by id, or a scenario file of the chapter's own. */
  scenario: { library: string } | { file: unknown };
  steps: readonly ChapterStep[];
}

/** What the chapter list shows before a chapter is loaded. */
export interface ChapterEntry {
  id: string;
  title: Bilingual<string>;
  load(): Promise<Chapter>;
}

/** The scenario file a chapter plays: a library entry's, or its own. */
export function chapterScenario(chapter: Chapter): unknown {
  return 'library' in chapter.scenario ? findLibraryEntry(chapter.scenario.library)?.scenario : chapter.scenario.file;
}
