/**
 * What a caption may use besides its event: the run's configured values (a scenario that changes
 * the expiry gets its own number, never a literal "120 s") and a look at the state at that time.
 */
import type { TraceEvent, TraceType, SimConfig } from '../../sim/index.ts';

export interface NarrationContext {
  config: SimConfig;
  /** readQueueNums of a topic on a broker name's master at the caption's time, when it has the topic. */
  readQueueNums?: (brokerName: string, topic: string) => number | undefined;
}

/** One caption per trace type: the compiler lists a new type until it is narrated. */
export type Narrators = { [K in TraceType]: (event: Extract<TraceEvent, { type: K }>, context: NarrationContext) => string };

const trim = (value: number) => String(Number(value.toFixed(1)));

/** A configured period or a moment of the run, in the units a person reads: "100 ms", "30 s", "2 min". */
export function durationEn(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms >= 120_000 && ms % 60_000 === 0 && ms !== 120_000) return `${ms / 60_000} min`;
  return `${trim(ms / 1_000)} s`;
}

export function durationZh(ms: number): string {
  if (ms < 1_000) return `${ms} 毫秒`;
  if (ms >= 120_000 && ms % 60_000 === 0 && ms !== 120_000) return `${ms / 60_000} 分钟`;
  return `${trim(ms / 1_000)} 秒`;
}

/** The send retries of a SYNC send (DefaultMQProducer.retryTimesWhenSendFailed): attempts = 1 + retries. */
export function syncAttempts(config: SimConfig): number {
  return 1 + config.retryTimesWhenSendFailed;
}
