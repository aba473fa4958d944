/**
 * The chapters' ids, in the study note's order (docs/learners-note.md): all a link needs to know
 * whether it names a chapter. The first script reads links (controls/session.ts), so it carries
 * these and nothing else of the chapters; index.ts gives each id its title and its chunk.
 */
export const CHAPTER_IDS = ['basics', 'groups', 'nameserver', 'broker', 'workflow', 'topics', 'read-write', 'consumers', 'failover'] as const;

export type ChapterId = typeof CHAPTER_IDS[number];

export function isChapterId(id: string): id is ChapterId {
  return (CHAPTER_IDS as readonly string[]).includes(id);
}
