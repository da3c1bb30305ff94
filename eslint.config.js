import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-single/**', 'dist-components/**', 'node_modules/**', 'coverage/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'No innerHTML: render data as text.' },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'No outerHTML: render data as text.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['maplibre-gl', 'lit', 'lit/*', '@lit/*', '**/map/**', '**/ui/**', '**/app/**', '**/state/**'], message: 'core/ is pure: no DOM, MapLibre or Lit.' },
      ] }],
    },
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['maplibre-gl', '**/map/**'], message: 'ui/ never talks to MapLibre: emit an event (src/ui/events.ts); app/ wires it.' },
        { group: ['**/app/**'], message: 'ui/ never imports app/: read the store through storeContext (src/state/) and emit events.' },
        { group: ['lit/directives/unsafe-html.js', 'lit/directives/unsafe-svg.js'], message: 'No unsafeHTML: data is rendered as text.' },
      ] }],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['maplibre-gl', '**/map/**', '**/ui/**', '**/app/**'], message: 'state/ is plain data and pure updates: no map/, ui/ or app/.' },
      ] }],
    },
  },
  {
    files: ['src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['maplibre-gl', '**/state/**', '**/map/**', '**/ui/**', '**/app/**'], message: 'data/ loads and validates: no state/, map/, ui/ or app/.' },
      ] }],
    },
  },
  {
    files: ['src/map/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['lit', 'lit/*', '**/ui/**'], message: 'map/ never imports ui/.' },
      ] }],
    },
  },
);
