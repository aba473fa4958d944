import { readFileSync } from 'node:fs';
import { ROCKETMQ_DEFAULTS } from '../../src/model/defaults.ts';

describe('docs/config.md lists every default', () => {
  const config = readFileSync(new URL('../../docs/config.md', import.meta.url), 'utf8');
  it.each(Object.keys(ROCKETMQ_DEFAULTS))('names %s in its defaults table', (key) => {
    expect(config).toMatch(new RegExp(`^\\| \`${key}\` \\|`, 'm'));
  });
});
