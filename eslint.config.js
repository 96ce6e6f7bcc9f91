// Lint rules, including the import boundaries of docs/ARCHITECTURE.md §3 (enforced, not advised).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((group) => ({
        group,
        message: 'forbidden by the package boundaries (docs/ARCHITECTURE.md §3)',
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'var/**', 'packages/web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // core: pure and browser-safe; only jsep and ml-matrix.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: restrict([
      [
        'node:*',
        'fs',
        'path',
        'os',
        'child_process',
        'worker_threads',
        '@scimon/*',
        'zod',
        'kysely',
        'better-sqlite3',
        'pg',
        'fastify',
        '@fastify/*',
        'react',
        'antd',
        'echarts*',
        'commander',
        'exceljs',
        'csv-*',
        'yaml',
        '*/contracts/*',
        '*/db/*',
        '*/server/*',
        '*/web/*',
        '*/cli/*',
      ],
    ]),
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    ignores: ['packages/contracts/src/**/*.test.ts'],
    rules: restrict([
      [
        'node:*',
        'fs',
        'path',
        '@scimon/db',
        '@scimon/server',
        '@scimon/web',
        '@scimon/cli',
        'kysely',
        'better-sqlite3',
        'pg',
        'fastify',
        '@fastify/*',
        'react',
        '*/db/*',
        '*/server/*',
        '*/web/*',
        '*/cli/*',
      ],
    ]),
  },
  {
    files: ['packages/db/src/**/*.ts'],
    ignores: ['packages/db/src/**/*.test.ts'],
    rules: restrict([['@scimon/*', '*/core/*', '*/contracts/*', '*/server/*', '*/web/*', '*/cli/*']]),
  },
  {
    files: ['packages/server/src/**/*.ts'],
    rules: restrict([['@scimon/web', '@scimon/cli', '*/web/*', '*/cli/*']]),
  },
  {
    // Services hold the rules and never speak HTTP.
    files: [
      'packages/server/src/**/*.service.ts',
      'packages/server/src/**/*.repository.ts',
      'packages/server/src/**/*.presenter.ts',
    ],
    rules: restrict([['fastify', '@fastify/*', '@scimon/web', '@scimon/cli']]),
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([
      [
        '@scimon/db',
        '@scimon/server',
        '@scimon/cli',
        'node:*',
        'kysely',
        'better-sqlite3',
        'pg',
        'fastify',
        '*/db/*',
        '*/server/*',
        '*/cli/*',
      ],
    ]),
  },
  {
    // The CLI may use the server's service layer, never its HTTP app (except `serve`, which starts main).
    files: ['packages/cli/src/**/*.ts'],
    ignores: ['packages/cli/src/commands/serve.ts'],
    rules: restrict([
      [
        '@scimon/web',
        '*/web/*',
        '@scimon/server/app',
        '@scimon/server/main',
        '*/server/src/app*',
        '*/server/src/main*',
        'fastify',
      ],
    ]),
  },
);
