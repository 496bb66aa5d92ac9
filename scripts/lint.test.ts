// The architecture the lint keeps: these are the mistakes it must refuse. Each case lints a deliberate
// violation (fixtures on disk for the cycle, virtual files in the real folders for the layer rules).
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ ignore: false })

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message)
}

describe('lint', () => {
  it('refuses an import cycle', async () => {
    const results = await eslint.lintFiles(['scripts/lint-fixtures/cycle-a.ts', 'scripts/lint-fixtures/cycle-b.ts'])
    for (const result of results) expect(result.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle')
  }, 30_000)

  it.each([
    ['a rule importing storage', 'governance/rules/example.ts', "import type { Transaction } from '../store/port'\nexport type T = Transaction\n"],
    ['a rule importing the protocol layer', 'governance/rules/example.ts', "import { ok } from '../http/route'\nexport const o = ok\n"],
    ['a rule importing mock machinery', 'governance/rules/example.ts', "import { PERSONAS } from '../../mocks/control/personas'\nexport const p = PERSONAS\n"],
    ['the protocol layer importing a store adapter', 'governance/http/example.ts', "import { createMemoryStore } from '../store/memory/memory-store'\nexport const c = createMemoryStore\n"],
    ['a store importing the protocol layer', 'governance/store/example.ts', "import { ok } from '../http/route'\nexport const o = ok\n"],
    ['a feature importing the mock', 'src/features/apps/example.ts', "import { mockApi } from '@mocks/node'\nexport const m = mockApi\n"],
    ['shared console code importing governance code', 'src/shared/example.ts', "import { maskPhone } from '@governance/rules/members'\nexport const m = maskPhone\n"],
    ['one feature importing another', 'src/features/apps/example.ts', "import { retentionQuery } from '@/features/retention/api'\nexport const r = retentionQuery\n"],
  ])('refuses %s', async (_what, filePath, code) => {
    expect(await ruleIdsFor(code, filePath)).toContain('import-x/no-restricted-paths')
  }, 30_000)

  it('lets a rule use browser globals nowhere', async () => {
    expect(await ruleIdsFor("export const k = localStorage.getItem('k')\n", 'governance/rules/example.ts')).toContain('no-restricted-globals')
  }, 30_000)
})
