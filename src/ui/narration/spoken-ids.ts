/**
 * A msgId (MessageClientIDSetter's 32 hex digits) read aloud is half a minute of noise: spoken, it
 * is its last four digits, which tell apart the messages of one run (a producer's counter ends the id).
 */

/** A msgId as a group, to split a text by: the ids are its odd parts. */
export const MSG_ID_PART = /\b([0-9A-F]{32})\b/;

/** How a msgId is spoken: "…0063". */
export function spokenId(msgId: string): string {
  return `…${msgId.slice(-4)}`;
}
