import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiLibraries = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3-*', 'd3'];
const wallClock = [
  { object: 'Math', property: 'random', message: 'Use the seeded PRNG (ctx.rng): runs must be reproducible.' },
  { object: 'Date', property: 'now', message: 'Use the virtual clock (ctx.now): runs must be reproducible.' },
  { object: 'performance', property: 'now', message: 'Use the virtual clock (ctx.now): runs must be reproducible.' },
];
const timers = [
  { name: 'setTimeout', message: 'Schedule an event on the virtual clock instead.' },
  { name: 'setInterval', message: 'Schedule an event on the virtual clock instead.' },
  { name: 'Date', message: 'The simulation has no wall clock.' },
  { name: 'window', message: 'The simulation runs without a DOM.' },
  { name: 'document', message: 'The simulation runs without a DOM.' },
];

/** The simulation core must stay pure: no UI, no wall clock, no DOM. */
const pureCore = (files, forbiddenOwn, why) => ({
  files,
  rules: {
    'no-restricted-properties': ['error', ...wallClock],
    'no-restricted-globals': ['error', ...timers],
    'no-restricted-imports': ['error', {
      patterns: [
        { group: uiLibraries, message: 'The simulation core imports no UI library (it runs under Node).' },
        ...forbiddenOwn.map((group) => ({ group: [group], message: why })),
      ],
    }],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', '.bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', {
        selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
        message: 'User text is shown as text, never as HTML.',
      }],
    },
  },
  pureCore(['src/engine/**'], ['**/model/**', '**/sim/**', '**/scenario/**', '**/ui/**', '**/store/**', '**/viz/**'],
    'engine knows nothing of RocketMQ or of the layers above it'),
  pureCore(['src/model/**'], ['**/sim/**', '**/scenario/**', '**/ui/**', '**/store/**', '**/viz/**'],
    'model imports only the engine'),
  pureCore(['src/scenario/**', 'src/sim/**'], ['**/ui/**', '**/store/**', '**/viz/**'],
    'the simulation layer runs headless and never reaches into the UI'),
);
