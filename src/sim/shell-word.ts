/**
 * A name written into an mqadmin command that the page shows for copying (What-if's
 * updateTopic, Diagnostics' fixes). A cluster name is free text and RocketMQ's topic and group
 * names may hold "|" (TopicValidator.VALID_PATTERN_STR), so a name pasted into a shell as it is
 * could become a pipe or a redirection: such a name is single-quoted for a POSIX shell.
 */

/**
 * Characters no POSIX shell gives a meaning to inside a word. ":" is among them so that a
 * broker's address (-b 10.0.1.2:10911) reads as mqadmin prints it.
 */
const PLAIN = /^[A-Za-z0-9_.%:-]+$/;

/** The name as one shell word: as it is when plain (TopicTest, %RETRY%CG), else in single quotes, each inner ' written '\''. */
export function shellWord(name: string): string {
  return PLAIN.test(name) ? name : `'${name.replaceAll("'", "'\\''")}'`;
}
