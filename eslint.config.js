// One linter, type-aware, zero warnings. The core block keeps the domain pure: no I/O, no clock, no env.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const ioModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'crypto',
  'os',
  'http',
  'https',
  'net',
  'child_process',
  'util',
  'stream',
  'events',
  'worker_threads',
  'perf_hooks',
  'url',
  'dns',
  'tls',
  'zlib',
  'vm',
  'pg',
  'pg-*',
  '@electric-sql/*',
  'kysely',
  'fastify',
  '@fastify/*',
  'react',
  'react-*',
  'pino',
  'nodemailer',
  'pdfkit',
];

const corePurity = [
  { group: ioModules, message: 'core/ is the pure domain: no I/O imports (DESIGN.md).' },
  {
    group: ['**/server/**', '**/web/**', '**/bench/**', '@lumbung/server*', '@lumbung/web*'],
    message: 'core/ depends on nothing else in the project: the server and web app import it.',
  },
];

/**
 * Calculations read the rule book they are given (built-in tables plus an operator's rows), never a
 * built-in table directly: otherwise an operator's row would change nothing (docs/adr/0005-rule-overrides.md).
 * Types may be imported; the rules/ folder, which defines the tables, and tests are exempt.
 */
const builtInRuleTables = {
  group: ['**/rules/*-tables', '**/rules/rule-book', '@lumbung/core', '@lumbung/core/**'],
  // Built-in tables are named `…Table` (jpWageCapTable); the table helpers are not tables.
  importNamePattern:
    '^(?!(?:validate|fits|define|summarise)RuleTable$)(?:[a-z][A-Za-z]*Table|defaultRuleBook)$',
  allowTypeImports: true,
  message:
    'Pass the rule book in force (a `rules: RuleBook` parameter; ctx.rules.current in the server) instead of a built-in table.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Tests read untyped JSON responses; the unsafe-any rules would only add casts there.
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**/*.ts', 'web/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['core/src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [...corePurity, builtInRuleTables] }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core/ must not read the environment; pass values in.' },
        { name: 'fetch', message: 'core/ must not do I/O.' },
        { name: 'setTimeout', message: 'core/ must not schedule work.' },
        { name: 'Buffer', message: 'core/ must not use Node APIs.' },
        { name: 'require', message: 'core/ must not load modules at run time.' },
        { name: 'globalThis', message: 'core/ must not reach the runtime through globalThis.' },
        { name: 'setInterval', message: 'core/ must not schedule work.' },
        { name: 'crypto', message: 'core/ must not create randomness; pass ids in.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core/ must not read the clock; pass time in.' },
        { object: 'Math', property: 'random', message: 'core/ must not create randomness; pass ids in.' },
        { object: 'performance', property: 'now', message: 'core/ must not read the clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core/ must not read the clock: new Date() without arguments is the current time.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'core/ must not read the clock: Date() is the current time as text.',
        },
        {
          selector: 'ImportExpression',
          message: 'core/ must not load modules at run time.',
        },
      ],
    },
  },
  {
    files: ['core/src/rules/**/*.ts', 'core/src/index.ts', 'core/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: corePurity }] },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: [
      'server/src/rules/rule-book-store.ts',
      'server/src/**/*.test.ts',
      'server/src/**/*-fixture.ts',
      'server/src/**/*-fixtures.ts',
      'server/src/test/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [builtInRuleTables] }] },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
