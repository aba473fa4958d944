/**
 * Topic and broker permission bits, as in RocketMQ's common/.../constant/PermName.java.
 * Import as a namespace to read like RocketMQ: `import * as PermName from './perm.ts'`.
 */

export const PERM_PRIORITY = 0x1 << 3;
export const PERM_READ = 0x1 << 2;
export const PERM_WRITE = 0x1 << 1;
export const PERM_INHERIT = 0x1 << 0;

/** Consumers see only readable queues (MQClientInstance.topicRouteData2TopicSubscribeInfo). */
export function isReadable(perm: number): boolean {
  return (perm & PERM_READ) === PERM_READ;
}

/** Producers see only writeable queues (MQClientInstance.topicRouteData2TopicPublishInfo). */
export function isWriteable(perm: number): boolean {
  return (perm & PERM_WRITE) === PERM_WRITE;
}

/** Only an inheritable default topic (TBW102) lets a broker auto-create topics from it. */
export function isInherited(perm: number): boolean {
  return (perm & PERM_INHERIT) === PERM_INHERIT;
}

export function isPriority(perm: number): boolean {
  return (perm & PERM_PRIORITY) === PERM_PRIORITY;
}

/**
 * PermName.isValid(int): `perm >= 0 && perm < PERM_PRIORITY`. Java ints are always integral;
 * here a fraction is rejected too, so a scenario cannot smuggle in 6.5.
 */
export function isValid(perm: number): boolean {
  return Number.isInteger(perm) && perm >= 0 && perm < PERM_PRIORITY;
}

/** PermName.perm2String: "R", "W", "X" (inherit) or "-" in that order, e.g. 6 -> "RW-". */
export function perm2String(perm: number): string {
  return (isReadable(perm) ? 'R' : '-') + (isWriteable(perm) ? 'W' : '-') + (isInherited(perm) ? 'X' : '-');
}
