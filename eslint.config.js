// Lint rules: type-aware typescript-eslint, and module boundaries — a module imports only from
// platform/, shared contracts and its own folder; app.ts and main.ts wire modules together.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const POLICIES = [
  { from: { element: { type: 'platform' } }, allow: [{ to: { element: { type: 'platform' } } }] },
  {
    from: { element: { type: 'module' } },
    allow: [
      { to: { element: { type: 'platform' } } },
      { to: { element: { type: 'testing' } } },
      { to: { element: { type: 'module', captured: { name: '{{from.element.captured.name}}' } } } },
    ],
  },
  { from: { element: { type: 'testing' } }, allow: [{ to: { element: { type: ['platform', 'wiring', 'module', 'testing'] } } }] },
  { from: { element: { type: 'wiring' } }, allow: [{ to: { element: { type: ['platform', 'module', 'wiring'] } } }] },
];

// Tests are integration tests: they may also use the test harness and the app's wiring.
const TEST_POLICIES = [
  ...POLICIES,
  { from: { element: { type: ['platform', 'module'] } }, allow: [{ to: { element: { type: ['testing', 'wiring'] } } }] },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'web/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['src/**/*.ts'],
      'boundaries/elements': [
        { type: 'platform', pattern: 'src/platform/**' },
        { type: 'module', pattern: 'src/modules/*', capture: ['name'] },
        { type: 'testing', pattern: 'src/testing' },
        { type: 'wiring', pattern: 'src' },
      ],
      'import/resolver': { typescript: true, node: true },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: POLICIES }],
    },
  },
  {
    files: ['src/**/*.test.ts'],
    rules: { 'boundaries/dependencies': ['error', { default: 'disallow', policies: TEST_POLICIES }] },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
