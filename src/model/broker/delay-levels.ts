/**
 * MessageStoreConfig.messageDelayLevel: the delays of the 18 levels as one text ("1s 5s 10s ...").
 * ScheduleMessageService parses it; the send-back path picks a retry's level (SendMessageProcessor,
 * consumerSendMsgBack), and the page says a retry's delay with the text's own words.
 */
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The last text parsed: a run has one messageDelayLevel, and every delayed put asks for it. */
let parsed: { text: string; levels: readonly number[] } = { text: '', levels: [] };

/** The levels as the text writes them: level L (1-based) is token L - 1. */
export function delayLevelTokens(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** MessageStoreConfig.messageDelayLevel parsed: level L (1-based) -> delay in ms. */
export function parseDelayLevels(text: string): readonly number[] {
  if (parsed.text !== text) {
    const levels = delayLevelTokens(text).map((token) => Number(token.slice(0, -1)) * (UNIT_MS[token.slice(-1)] ?? 0));
    parsed = { text, levels };
  }
  return parsed.levels;
}

/**
 * consumerSendMsgBack: a retry the consumer gave no level (delayLevel 0, concurrent consumption)
 * waits at level 3 + reconsumeTimes, and putDelayed holds a level past the last at the last.
 */
export function retryDelayLevel(reconsumeTimes: number, levelCount: number): number {
  return Math.min(3 + reconsumeTimes, levelCount);
}
