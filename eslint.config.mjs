// ESLint for the monorepo. Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no I/O, and no
// Date.now() (use workflowInfo() times or timers) — enforced here, not by review.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'http2', 'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls', 'url', 'util',
  'v8', 'vm', 'worker_threads', 'zlib'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.tools/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['workflows/src/**/workflow.ts', 'workflows/src/workflows.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: NODE_BUILTINS.flatMap((m) => [{ name: m, message: 'workflow code is sandboxed: no Node built-ins' }, { name: `node:${m}`, message: 'workflow code is sandboxed: no Node built-ins' }]),
        patterns: [{ group: ['node:*'], message: 'workflow code is sandboxed: no Node built-ins' }],
      }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'use workflowInfo() times or timers, never Date.now() in workflow code' }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'no process in workflow code' }, { name: 'require', message: 'no require in workflow code' },
        { name: 'setTimeout', message: 'use sleep()/condition() from @temporalio/workflow' }],
    },
  },
);
