import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
const noHtml = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'User text is shown as text, never as HTML.',
};
/** The page's stores, subscribed to with a selector: with none, a component renders again on every change of the store (the playhead's, many times a second). */
const narrowStoreHooks = {
  selector: "CallExpression[callee.name=/^use(Playback|Page|Lesson|Insight|WhatIf|Draft)$/][arguments.length=0]",
  message: 'Subscribe to a store with a selector of what the component shows (usePlayback((s) => s.language)): with none, it renders again at every change of the store.',
};
/** Words are read through src/ui/i18n (inLanguage, useWords), the one place a fallback language or a missing-word check would go. */
const wordsThroughI18n = {
  selector: "MemberExpression[computed=true][property.name='language']",
  message: 'Read a Bilingual table with useWords(table) in a component or inLanguage(table, language) in a function, not table[language]: src/ui/i18n is the page\'s one language lookup.',
};

/**
 * One boundary: the folders (our own layers) and packages a layer may not import, statically
 * (`import ... from`, bare folders such as '../model' included) or dynamically (`import()`).
 */
function boundary({ files, folders = [], packages = [], why, syntax = [] }) {
  const folderPattern = folders.length > 0 ? `(^|/)(${folders.join('|')})(/|$)` : null;
  const packagePattern = packages.length > 0 ? `^(${packages.map((p) => p.replace('*', '[^/]*')).join('|')})(/|$)` : null;
  const dynamic = [folderPattern, packagePattern].filter((p) => p !== null).map((pattern) => ({
    selector: `ImportExpression[source.value=/${pattern.replaceAll('/', '\\/')}/]`,
    message: `${why} (a dynamic import() crosses the same boundary).`,
  }));
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...(folders.length > 0 ? [{ regex: folderPattern, message: why }] : []),
          ...(packages.length > 0 ? [{ group: packages.flatMap((p) => [p, `${p}/*`]), message: why }] : []),
        ],
      }],
      'no-restricted-syntax': ['error', noHtml, ...dynamic, ...syntax],
    },
  };
}

const uiLibraries = ['react', 'react-dom', 'zustand', 'd3', 'd3-*'];

/** The simulation core stays pure: no UI, no wall clock, no DOM. */
const pureCore = (files, folders, why) => [
  boundary({ files, folders, packages: uiLibraries, why: `${why}; it runs under Node, so no UI library either` }),
  { files, rules: { 'no-restricted-properties': ['error', ...wallClock], 'no-restricted-globals': ['error', ...timers] } },
];

const uiBoundary = boundary({
  files: ['src/ui/**'],
  folders: ['engine', 'model'],
  why: 'the page reaches the simulation through src/sim: the model types and helpers it reads are named in sim/index.ts',
  syntax: [narrowStoreHooks],
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
      'no-restricted-syntax': ['error', noHtml],
    },
  },
  ...pureCore(['src/engine/**'], ['model', 'sim', 'scenario', 'ui', 'store', 'viz'],
    'engine knows nothing of RocketMQ or of the layers above it'),
  ...pureCore(['src/model/**'], ['sim', 'scenario', 'ui', 'store', 'viz'], 'model imports only the engine'),
  ...pureCore(['src/scenario/**', 'src/sim/**'], ['ui', 'store', 'viz'],
    'the simulation layer runs headless and never reaches into the UI'),
  boundary({
    files: ['src/store/**'],
    folders: ['ui', 'viz', 'model', 'engine'],
    packages: ['react-dom', 'd3', 'd3-*'],
    why: 'the store holds what the person controls; it draws nothing, knows no component, and reaches the model through src/sim',
  }),
  boundary({
    files: ['src/viz/**'],
    folders: ['ui', 'store', 'engine', 'model'],
    packages: ['react', 'react-dom', 'zustand'],
    why: 'viz is pure functions (numbers and paths from data): no React, no store, no UI; model types come through sim/index.ts',
  }),
  uiBoundary,
  {
    // A later no-restricted-syntax replaces an earlier one for the same files (flat config): this repeats the page's.
    files: ['src/ui/**'],
    ignores: ['src/ui/i18n/**'],
    rules: { 'no-restricted-syntax': [...uiBoundary.rules['no-restricted-syntax'], wordsThroughI18n] },
  },
  {
    // A function reads at once: 80 lines is the ceiling, comments and blank lines not counted, in every folder of src.
    files: ['src/**'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Storage can be refused and idle callbacks are missing in some browsers: each is handled once.
    files: ['src/ui/**', 'src/store/**'],
    ignores: ['src/store/stored.ts', 'src/ui/on-idle.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'window', property: 'localStorage', message: 'Read and write preferences with readStored / writeStored (src/store/stored.ts): storage can be refused.' },
        { object: 'window', property: 'requestIdleCallback', message: 'Wait for an idle moment with onIdle (src/ui/on-idle.ts): some browsers have no idle callbacks.' },
      ],
      'no-restricted-globals': ['error',
        { name: 'localStorage', message: 'Read and write preferences with readStored / writeStored (src/store/stored.ts): storage can be refused.' },
        { name: 'requestIdleCallback', message: 'Wait for an idle moment with onIdle (src/ui/on-idle.ts): some browsers have no idle callbacks.' },
      ],
    },
  },
  {
    // Type-aware rules, for src only: linting the tests with types would double the time for no case.
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A switch over a union names every member; a `default:` would swallow a member added later.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', {
        allowDefaultCaseForExhaustiveSwitch: false,
        considerDefaultExhaustiveForUnions: false,
        requireDefaultForNonUnion: false,
      }],
    },
  },
);
