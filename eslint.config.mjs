// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

const noVscode = {
  paths: [{ name: 'vscode', message: 'core and shared are pure: only src/host may import vscode.' }],
  patterns: [{ group: ['**/host/**', '**/host'], message: 'core and shared must not depend on the host.' }],
};

export default tseslint.config(
  // test/fixtures: code of a released version, bundled from its commit (scripts/releaseStorage.js).
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.upright-dev/**', '*.vsix', 'test/fixtures/**'] },
  js.configs.recommended,
  {
    // One order for imports everywhere, fixed by `eslint --fix`.
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: { 'simple-import-sort/imports': 'error', 'simple-import-sort/exports': 'error' },
  },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The host imports `vscode` and Node's modules as `import x = require('x')`: esbuild then emits the
    // plain require. From `import * as x` or `import { y }` it builds a namespace object per importing
    // file, one getter for each of the module's exports: for `vscode`, thousands of closures kept on
    // the extension host's heap. Type-only imports cost nothing and stay as they are.
    files: ['src/**/*.ts'],
    ignores: ['src/webview/**'],
    rules: {
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[importKind='value'][source.value=/^(vscode|node:.*)$/] > :matches(ImportNamespaceSpecifier, ImportDefaultSpecifier)",
          message: "Import vscode and Node modules as `import x = require('x')` (see eslint.config.mjs).",
        },
        {
          selector: "ImportDeclaration[importKind='value'][source.value=/^(vscode|node:.*)$/] > ImportSpecifier[importKind='value']",
          message: "Import vscode and Node modules as `import x = require('x')` (see eslint.config.mjs).",
        },
      ],
    },
  },
  {
    // The panels and dialogs, and what settings need beyond their defaults, are bundles of their own,
    // loaded on first use by both entries (esbuild.js): a value import would copy one into an entry.
    files: ['src/**/*.ts'],
    ignores: ['src/webview/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(onDemand|settingsDetail)$',
              allowTypeImports: true,
              message: 'loaded on first use (platform.loadOnDemand, platform.loadSettingsDetail): import its types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', noVscode],
      'no-restricted-globals': ['error', { name: 'performance', message: 'core takes the time as an argument.' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'core takes the time as an argument.' }],
    },
  },
  {
    // Storage is plain Node, tested in plain Node from many processes at once.
    files: ['src/host/storage/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'storage is plain Node: it must not import vscode.' }],
          patterns: [{ regex: '^\\.\\./(?!\\.\\./)', message: 'storage depends on core and shared only, not on the rest of the host.' }],
        },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { ...noVscode, patterns: [{ group: ['**/host/**', '**/core/**'], message: 'webview code imports src/shared only.' }] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
      },
    },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Layout is Prettier's (npm run lint checks it); no lint rule argues with it.
  prettier,
);
