import * as PermName from '../../../src/model/perm.ts';

describe('PermName', () => {
  it('has RocketMQ\'s bit values', () => {
    expect([PermName.PERM_PRIORITY, PermName.PERM_READ, PermName.PERM_WRITE, PermName.PERM_INHERIT]).toEqual([8, 4, 2, 1]);
  });

  it.each([
    [6, 'RW-'],
    [4, 'R--'],
    [2, '-W-'],
    [7, 'RWX'],
    [0, '---'],
    [1, '--X'],
  ])('perm2String(%d) = %s', (perm, expected) => {
    expect(PermName.perm2String(perm)).toBe(expected);
  });

  it('reads each bit on its own', () => {
    expect(PermName.isReadable(6) && PermName.isWriteable(6) && !PermName.isInherited(6)).toBe(true);
    expect(PermName.isInherited(7)).toBe(true);
    expect(PermName.isPriority(8 | 6)).toBe(true);
    expect(PermName.isWriteable(4)).toBe(false);
  });

  it('turns RW into read-only when the write bit is wiped (WIPE_WRITE_PERM_OF_BROKER)', () => {
    expect(PermName.perm2String(6 & ~PermName.PERM_WRITE)).toBe('R--');
  });

  it.each([
    [0, true],
    [7, true],
    [8, false],
    [-1, false],
    [6.5, false],
  ])('isValid(%d) is %s (0 <= perm < PERM_PRIORITY)', (perm, expected) => {
    expect(PermName.isValid(perm)).toBe(expected);
  });
});
