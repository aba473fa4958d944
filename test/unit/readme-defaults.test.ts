import { readFileSync } from 'node:fs';
import { ROCKETMQ_DEFAULTS } from '../../src/model/defaults.ts';

describe('the README lists every default', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  it.each(Object.keys(ROCKETMQ_DEFAULTS))('names %s in its defaults table', (key) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${key}\` \\|`, 'm'));
  });
});
