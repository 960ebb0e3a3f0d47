// @ts-check
/**
 * ESLint 9 flat config: typescript-eslint's recommended rules (no type information, so linting
 * stays fast), the import boundaries that keep the layers of src/ apart, and size limits for src/.
 * Layout is Prettier's job: eslint-config-prettier comes last and turns off the rules it owns.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** Package imports the SDK-free layers must not make: only src/store talks to DynamoDB. */
const NO_AWS_SDK = {
  group: ['@aws-sdk/*'],
  message: 'Only src/store (and the wiring that builds clients) uses the AWS SDK; go through a store interface.',
};

/**
 * Folder boundaries, checked on resolved file paths (so `../../store/keys` and `./keys` are the
 * same thing). All zones live in one rule setting: a later config object setting the same rule
 * would replace it, not add to it.
 */
const BOUNDARY_ZONES = [
  {
    target: './src',
    from: ['./seed', './bench', './tests', './web'],
    message:
      'src/ is what ships in the Lambda (plus the dev server): seed, bench, tests and web depend on it, never the reverse.',
  },
  {
    target: './src/graphql',
    from: './src/store',
    message: 'Resolvers call use cases or store interfaces handed in through the context, never store modules.',
  },
  {
    target: './src/domain',
    from: ['./src/store', './src/graphql', './src/usecases', './src/auth', './src/dev', './src/admin'],
    message: 'src/domain is pure logic: no I/O, no layer above it.',
  },
  {
    target: './src/usecases',
    from: './src/graphql',
    message: 'Use cases serve the resolvers and the CLIs alike; they know nothing of GraphQL.',
  },
  {
    target: ['./src/usecases', './src/auth', './src/app.ts'],
    from: './src/store',
    except: ['./index.ts'],
    message:
      'Above the store, only src/store/index.ts (typed store methods) is visible: keys, items and commands stay inside.',
  },
  {
    // Every file of src/ outside src/dev and src/admin (the files directly in src/ included).
    target: ['src/*', 'src/!(dev|admin)/**'],
    from: './src/dev',
    message: 'src/dev is the local dev server and DynamoDB Local runner: nothing that ships may depend on it.',
  },
];

export default defineConfig([
  globalIgnores([
    '**/.serverless/',
    '**/.esbuild/',
    '**/coverage/',
    '**/.data/',
    '**/dist/',
    'src/graphql/generated/',
    'web/build/',
    'web/.vite/',
    'web/playwright-report/',
    'web/test-results/',
    'bench/.scratch/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // The plain JavaScript files are CommonJS run by Node (build plugins, jest config, the
    // cold-start child): require() is how they load modules.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.node'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: BOUNDARY_ZONES }],
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/graphql/**/*.ts', 'src/domain/**/*.ts', 'src/usecases/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_AWS_SDK] }] },
  },
  {
    // Tests read GraphQL responses whose shape the assertions spell out value by value.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
]);
