import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import regexp from 'eslint-plugin-regexp';

// The layers of README "Architecture", as rules: each was seen to fail on a planted violation.
const PURE = 'src/lib is pure TypeScript (README, Architecture)';
const LIB_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'Worker',
  'self',
  'HTMLElement',
  'Element',
  'DOMParser',
  'process',
  'require',
  'Buffer',
  '__dirname',
  '__filename',
];
const COUNTING =
  'Pages are thin: counting, filtering and sorting belong in src/lib or src/queries.';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.atlas/',
      '.astro/',
      '.e2e/',
      'node_modules/',
      'tests/fixtures/',
      'test-results/',
      'reports/',
      '.dist-*/',
      'bench-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Text from the chats is hostile: no regular expression that reads it may backtrack or move
    // super-linearly. Every scrub rule is a literal so that these rules can check it.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': ['error', { ignoreSticky: false, ignorePartial: false }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='RegExp'], CallExpression[callee.name='RegExp']",
          message:
            'Build regular expressions as literals, so that eslint-plugin-regexp can prove them linear.',
        },
      ],
    },
  },
  // Type-aware rules on TypeScript, with the types the compiler sees (tsconfig.json).
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers read naturally in messages and paths; objects and unions with undefined do not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  // The hooks rules wherever a hook can be written: components and the hooks in .ts modules.
  {
    files: ['src/islands/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?:astro|@astrojs/|react|react-dom)(?:$|[/:])',
              message: `${PURE}: no Astro or React.`,
            },
            // Hashing is the one Node API the build's pure steps need (content hashes, markers).
            { regex: '^node:(?!crypto$)', message: `${PURE}: no Node API but node:crypto.` },
            {
              regex: '^(?:fs|path|os|child_process|http|https|net|url|worker_threads)(?:/|$)',
              message: `${PURE}: no Node API but node:crypto.`,
            },
            {
              regex: '(?:^|/)(?:queries|components|islands|pages|layouts|scripts)/',
              message: `${PURE}: it imports nothing from the layers above it.`,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...LIB_GLOBALS.map((name) => ({ name, message: `${PURE}: no DOM or Node globals.` })),
      ],
    },
  },
  {
    files: ['src/components/**', 'src/islands/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(?:^|/)queries/',
              message:
                'Components take their data as props: only pages and layouts read src/queries.',
            },
          ],
        },
      ],
    },
  },
  {
    // Route files in .astro (the .ts endpoints only map the manifest, and keep the rule above).
    files: ['src/pages/**/*.astro'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(?:filter|reduce|reduceRight|sort|toSorted|flatMap|find|findIndex|findLast|some|every|forEach)$/]',
          message: COUNTING,
        },
        { selector: 'NewExpression[callee.name=/^(?:Set|Map)$/]', message: COUNTING },
        {
          selector:
            'ForStatement, ForOfStatement, ForInStatement, WhileStatement, DoWhileStatement',
          message: COUNTING,
        },
      ],
    },
  },
  {
    files: ['tests/unit/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(?:node:)?(?:child_process|http|https|net|worker_threads)$|playwright|^(?:\\.\\./)+(?:scripts|tests/(?:e2e|integration))/',
              message:
                'Unit tests are pure: no child process, server, browser or build (tests/integration, tests/e2e).',
            },
          ],
        },
      ],
    },
  },
);
