// Lint: typescript-eslint recommended + the doctrine rules (no wall-clock reads outside @bss/clock).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const wallClock = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time comes from the injected Clock (deps.clock.now()).' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Time comes from the injected Clock (deps.clock.now()).' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.tooling/**', '**/dist/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', fetch: 'readonly', AbortSignal: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': ['error', ...wallClock],
    },
  },
  {
    files: ['packages/clock/src/**', '**/*.test.ts', '**/test/**', 'tests/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
