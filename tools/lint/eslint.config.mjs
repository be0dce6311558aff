/**
 * The project's lint: typescript-eslint's recommended type-checked rules on src/ and test/, with the few
 * changes below, each with its reason. Run from the project's root: `npm run lint`. The tooling is installed
 * on its own (tools/lint/package.json), with TypeScript 5.9: typescript-eslint reads types through
 * TypeScript's JS API, which TypeScript 7 (the project's compiler, a native binary) does not offer.
 */
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'generated/**',
      '.cache/**',
      'node_modules/**',
      'tools/**',
      'fixtures/**',
      'templates/**',
      'api/**',
    ],
  },
  // A type test's app: tsc must fail on its marked lines, and its bindings exist only to be type-checked.
  { ignores: ['test/e2e/chaining-types-app.ts'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { project: ['test/tsconfig.json'], tsconfigRootDir: root } },
    rules: {
      // The code escapes and refuses control characters on purpose (comments, string literals, shell words,
      // Markdown, terminal colours in tests): a regular expression naming them is how it finds them.
      'no-control-regex': 'off',
      // The comment that says why `*\u200b/` cannot close a comment shows that zero-width space.
      'no-irregular-whitespace': ['error', { skipComments: true }],
      // An async function that throws rejects instead: the code relies on that to keep one error path, and
      // test stand-ins implement async interfaces without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      // `const { omitted: _omitted, ...rest } = value` is how the code leaves a property out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
);
