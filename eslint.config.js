// Lint: TypeScript rules, React hooks rules, and the one-way dependency flow shared → features → app.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { importX } from 'eslint-plugin-import-x'
import globals from 'globals'

const features = ['overview', 'apps', 'retention', 'members', 'requests', 'audit', 'support-access', 'settings']

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'coverage', 'playwright-report', 'test-results', 'bench/results', 'public/mockServiceWorker.js', 'api/schema.gen.ts', 'api/*.gen.js', 'scripts/lint-fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      // import-x must parse TypeScript dependencies itself, or no-cycle silently sees no imports at all.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        (await import('eslint-import-resolver-typescript')).createTypeScriptImportResolver({ project: './tsconfig.json' }),
      ],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Third-party text must render as text.' },
      ],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // A feature never imports another feature: shared pieces move to src/shared.
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'Features must not import each other; move the shared piece to src/shared.',
            })),
            // shared is the bottom layer; app is the top.
            { target: './src/shared', from: ['./src/features', './src/app'], message: 'src/shared must not depend on features or the app shell.' },
            { target: './src/features', from: './src/app', message: 'Features must not import the app shell.' },
            // The app reaches the mock only through its entry points, and only at boot.
            { target: './src/features', from: './mocks', message: 'Features talk to the API, never to the mock directly.' },
            { target: './src/shared', from: './mocks', message: 'Shared code talks to the API, never to the mock directly.' },
            { target: './src/main.tsx', from: './mocks', except: ['./browser.ts'], message: 'Boot starts the mock worker (mocks/browser.ts) and nothing else of the mock.' },
            { target: './src/app', from: './mocks', except: ['./browser.ts'], message: 'The shell starts the mock worker (mocks/browser.ts) and nothing else of the mock.' },
            // The console talks to the governance API over HTTP, never to its code.
            { target: './src', from: './governance', message: 'The console reaches the governance API over HTTP only.' },
            // The governance core: rules ← store / protocol; nothing of it knows the mock or the console.
            { target: './server', from: ['./mocks', './src'], message: 'The server is production code: no mock-only or console code.' },
            { target: './governance', from: ['./mocks', './src', './server'], message: 'Governance code (rules, store, protocol) must not import mock-only or console code.' },
            { target: './governance/rules', from: ['./governance/store', './governance/http', './governance/seed', './governance/behaviour'], message: 'Rules are plain functions over records: no storage, no HTTP, no seeds.' },
            { target: './governance/seed', from: ['./governance/store', './governance/http'], message: 'Seeds produce records; they know nothing of storage or HTTP.' },
            { target: './governance/store', from: ['./governance/http', './governance/behaviour'], message: 'Stores implement the storage port; they know nothing of HTTP.' },
            { target: './governance/http', from: ['./governance/store/memory', './governance/seed', './governance/behaviour'], message: 'The protocol layer sees storage only through governance/store/port.ts.' },
          ],
        },
      ],
    },
  },
  {
    // Rules run anywhere (browser mock, Node server): no browser or network APIs, no mock machinery.
    files: ['governance/rules/**/*.ts', 'governance/seed/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['msw', 'msw/browser', 'msw/node'], patterns: ['msw/*'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'fetch', 'navigator'],
    },
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.ts', '*.config.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
)
