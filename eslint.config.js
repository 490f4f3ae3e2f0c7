// @ts-check
// Architecture is enforced here, not by memory: each runtime folder may import only the folders
// listed in LAYERS, only src/platform may touch the extension APIs, and src/core may not touch
// any browser global at all (it must run the same in a content script, a worker and Node).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

const FOLDERS = ['core', 'shared', 'platform', 'ui', 'content', 'background', 'offscreen', 'cli'];

/** Which src/ folders each folder may import from (besides itself). */
const LAYERS = {
  core: [],
  shared: ['core'],
  platform: ['core', 'shared'],
  ui: ['core', 'shared', 'platform'],
  content: ['core', 'shared', 'platform', 'ui'],
  background: ['core', 'shared', 'platform'],
  // Chrome's offscreen document (a DOM for the service worker's heavy work).
  offscreen: ['core', 'shared', 'platform'],
  cli: ['core', 'shared'],
};

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'url',
  'util',
  'http',
  'stream',
];

/** @param {string} folder */
function boundaryRule(folder) {
  const forbidden = FOLDERS.filter((f) => f !== folder && !LAYERS[folder].includes(f));
  const patterns = [
    {
      group: forbidden.flatMap((f) => [`**/${f}/*`, `**/${f}`]),
      message: `src/${folder} may import only from: ${[folder, ...LAYERS[folder]].join(', ')} (see eslint.config.js LAYERS).`,
    },
  ];
  if (folder !== 'platform') {
    patterns.push({
      group: ['webextension-polyfill'],
      message: 'Only src/platform may import the extension API polyfill.',
    });
  }
  if (folder !== 'cli') {
    patterns.push({ group: NODE_BUILTINS, message: 'Node built-ins belong in src/cli only.' });
  }
  return { 'no-restricted-imports': ['error', { patterns }] };
}

const EXTENSION_GLOBALS = [
  {
    name: 'chrome',
    message: 'Use src/platform (webextension-polyfill) instead of the chrome global.',
  },
  {
    name: 'browser',
    message: 'Use src/platform (webextension-polyfill) instead of the browser global.',
  },
];

const PAGE_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'self',
  'globalThis',
  'getComputedStyle',
  'requestAnimationFrame',
  'setTimeout',
  'setInterval',
  'fetch',
  'XMLHttpRequest',
  'performance',
].map((name) => ({
  name,
  message: 'src/core is pure: take what you need from the Document passed in.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  // Unsafe DOM sinks (innerHTML, outerHTML, insertAdjacentHTML, document.write) are errors in
  // everything that runs on a user's page. Sanitised HTML goes through src/ui/dom/safe-html.ts.
  {
    files: ['src/**/*.ts'],
    plugins: { 'no-unsanitized': nounsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'document', property: 'write', message: 'Never document.write.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  ...FOLDERS.map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      ...boundaryRule(folder),
      'no-restricted-globals': [
        'error',
        ...(folder === 'platform' ? [] : EXTENSION_GLOBALS),
        ...(folder === 'core' ? PAGE_GLOBALS : []),
      ],
    },
  })),
);
