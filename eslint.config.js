// ESLint flat config. The import rules enforce where code runs (STYLE.md):
// only electron/main and electron/preload may import `electron`; the renderer
// imports only shared/; shared/ imports neither Node nor DOM APIs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
// Platform folders of electron/core; every other folder there is a domain.
const platformDirs = ['api', 'store', 'audit', 'lib'];
const platformMessage = 'The core platform imports no domain folder (only boot.ts and handlers.ts do).';
// Names of db functions that write: imported from another domain's db they bypass its service.
const writeNames = '^(insert|update|set|void|delete|mark|replace|clear|record|write|decide|meet|supersede|append|upsert)';
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'artifacts/**', 'bench/.work/**', 'coverage/**', 'tests/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
      // Chinese text uses the ideographic space (U+3000) in strings and JSX.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true, skipRegExps: true }],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'tests/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // ── zones inside the core (README "Architecture") ──
  // The platform (core.ts, context.ts, write.ts …, api/, store/, audit/, lib/) imports no domain folder;
  // only boot.ts and handlers.ts bring the domains together.
  {
    files: ['electron/core/*.ts'],
    ignores: ['electron/core/boot.ts', 'electron/core/handlers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [{ group: ['./*/**', ...platformDirs.map((d) => `!./${d}/**`)], message: platformMessage }] },
      ],
    },
  },
  {
    files: platformDirs.map((d) => `electron/core/${d}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['../*/**', ...platformDirs.map((d) => `!../${d}/**`), '!../../../**', '!../../**'], message: platformMessage }],
        },
      ],
    },
  },
  // A domain never imports another domain's api.ts, and writes another domain's tables only through its service.
  {
    files: ['electron/core/*/**/*.ts'],
    ignores: [...platformDirs.map((d) => `electron/core/${d}/**`), 'electron/core/seed/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['../*/api'], message: 'A domain never imports another domain\'s api.ts: call its service.' },
            {
              group: ['../*/db', '../*/*-db'],
              importNamePattern: writeNames,
              message: 'A domain writes another domain\'s tables only through that domain\'s service.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Every free-text field is rendered by React as text: no raw HTML, no eval, anywhere in the renderer.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML: render text through React.' },
        { selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]", message: 'No raw HTML: render text through React.' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]", message: 'No raw HTML: render text through React.' },
        // The same sinks reached another way: el['innerHTML'] = …, Object.assign(el, { innerHTML }), an iframe's srcdoc, Range#createContextualFragment.
        { selector: "AssignmentExpression > MemberExpression.left[computed=true][property.value=/^(innerHTML|outerHTML|srcdoc)$/i]", message: 'No raw HTML: render text through React.' },
        { selector: "AssignmentExpression > MemberExpression.left[property.name=/^srcdoc$/i]", message: 'No raw HTML: render text through React.' },
        { selector: "CallExpression[callee.object.name='Object'][callee.property.name='assign'] Property[key.name=/^(innerHTML|outerHTML|srcdoc)$/i]", message: 'No raw HTML: render text through React.' },
        { selector: "CallExpression[callee.object.name='Object'][callee.property.name='assign'] Property[key.value=/^(innerHTML|outerHTML|srcdoc)$/i]", message: 'No raw HTML: render text through React.' },
        { selector: "JSXAttribute[name.name=/^srcdoc$/i]", message: 'No raw HTML: render text through React (an iframe srcDoc is a document).' },
        { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'No raw HTML: render text through React.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/electron/**', '**/electron'], message: 'The renderer talks to the core only through the API (renderer/api.ts).' },
            { group: nodeBuiltins, message: 'The renderer runs in a sandboxed browser page: no Node APIs.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ runs on both sides: no Node APIs.' },
            { group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom', '@mantine/*'], message: 'shared/ imports nothing of ours but shared/.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'process', 'Buffer', '__dirname', 'require'].map((name) => ({
          name,
          message: 'shared/ must not use Node or DOM globals.',
        })),
      ],
    },
  },
);
