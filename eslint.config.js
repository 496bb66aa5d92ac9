// Lint: TypeScript rules, React hooks rules, and the one-way dependency flow shared → features → app.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { importX } from 'eslint-plugin-import-x'
import globals from 'globals'

const features = ['overview', 'apps', 'retention', 'members', 'requests', 'audit', 'support-access', 'settings']

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'coverage', 'playwright-report', 'test-results', 'bench/results', 'public/mockServiceWorker.js', 'api/schema.gen.ts', 'api/*.gen.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
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
            // The mock's business rules stay portable: no MSW, no UI.
            { target: './mocks/domain', from: ['./src', './mocks/handlers', './mocks/browser.ts', './mocks/node.ts'], except: ['./shared/api/schema.gen.ts'], message: 'mocks/domain is plain TypeScript: no MSW, no UI code.' },
            // The app reaches the mock only through its entry points, and only at boot.
            { target: './src/features', from: './mocks', message: 'Features talk to the API, never to the mock directly.' },
            { target: './src/shared', from: './mocks', message: 'Shared code talks to the API, never to the mock directly.' },
          ],
        },
      ],
    },
  },
  {
    files: ['mocks/domain/**/*.ts'],
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
