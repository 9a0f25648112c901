import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The wings of src/, top down: each may import only the wings it lists (and the root's helpers: errors,
// clock, log, untrusted, concurrency). Only main.ts and the bundle entries import anything at all; the
// root's helpers import no wing. README.md's development section draws the same order.
const WINGS = {
  post: ['codedeploy', 'ledger', 'github', 'inputs', 'aws'],
  report: ['codedeploy', 'rollout', 'prune', 'ledger', 'analysis', 'github', 'inputs', 'aws'],
  codedeploy: ['rollout', 'ledger', 'analysis', 'github', 'inputs', 'aws'],
  rollout: ['prune', 'ledger', 'analysis', 'github', 'inputs', 'aws'],
  prune: ['aws'],
  ledger: ['inputs', 'aws'],
  analysis: ['inputs', 'aws'],
  github: ['inputs', 'aws'],
  inputs: ['aws'],
  aws: []
}
const ENTRIES = ['main', 'index', 'post']
const wingOrder = Object.entries(WINGS).map(([wing, below]) => {
  const barred = Object.keys(WINGS).filter(w => w !== wing && !below.includes(w))
  return {
    files: [`src/${wing}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^\\.\\./(${barred.join('|')})/`,
              message: `against the wings' order: src/${wing}/ imports only ${[...below.map(w => `${w}/`), "the root's helpers"].join(', ')}`
            },
            {
              regex: `^\\.\\./(${ENTRIES.join('|')})\\.js$`,
              message: 'only the bundle entries import main.ts and post.ts'
            }
          ]
        }
      ]
    }
  }
})
const rootHelpers = {
  files: ['src/*.ts'],
  ignores: ENTRIES.map(e => `src/${e}.ts`),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^\\./(${Object.keys(WINGS).join('|')})/`,
            message: "the root's helpers import no wing: every wing may use them"
          },
          {
            regex: `^\\./(${ENTRIES.join('|')})\\.js$`,
            message: 'only the bundle entries import main.ts and post.ts'
          }
        ]
      }
    ]
  }
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true }],
      // Small rooms: a module over 300 lines or a function over 60 does more than one job.
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 60 }]
    }
  },
  ...wingOrder,
  rootHelpers
)
