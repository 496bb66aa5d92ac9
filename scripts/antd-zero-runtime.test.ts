// The build drops antd's style generators (scripts/antd-zero-runtime.ts): only sound while the console's theme keeps
// zeroRuntime on, and only useful while it still finds them in antd's modules.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parseAst } from 'vite'
import { describe, expect, it } from 'vitest'
import { theme } from '../src/app/theme'
import { withoutStyleGenerators } from './antd-zero-runtime'

const antdEs = path.join(path.dirname(createRequire(import.meta.url).resolve('antd/package.json')), 'es')

function antdModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return antdModules(file)
    return entry.name.endsWith('.js') ? [file] : []
  })
}

describe('antd style generators in the build', () => {
  it('are dropped only because the console runs antd with zeroRuntime', () => {
    expect(theme.zeroRuntime).toBe(true)
  })

  it('replaces the generator, keeps the component tokens and the options', () => {
    const code = [
      "import { genStyleHooks } from '../../theme/internal';",
      'const genButtonStyle = (token) => ({ [token.componentCls]: { color: token.colorText } });',
      'export const prepareComponentToken = (token) => ({ paddingInline: token.padding });',
      "export default genStyleHooks('Button', (token) => [genButtonStyle(token)], prepareComponentToken, { unitless: { fontWeight: true } });",
    ].join('\n')
    const result = withoutStyleGenerators(code, 'antd/es/button/style/index.js')
    expect(result?.replaced).toBe(1)
    expect(result?.code).toContain("genStyleHooks('Button', () => [], prepareComponentToken, { unitless: { fontWeight: true } })")
    expect(result?.code).toContain('export const prepareComponentToken')
  })

  it('leaves modules without a style hook untouched', () => {
    expect(withoutStyleGenerators("export const isPresetColor = (color) => color === 'blue';", 'antd/es/_util/colors.js')).toBeNull()
  })

  it('finds the generators of every antd component and leaves valid modules behind', () => {
    let modules = 0
    let replaced = 0
    for (const file of antdModules(antdEs)) {
      const result = withoutStyleGenerators(readFileSync(file, 'utf8'), file)
      if (!result) continue
      modules += 1
      replaced += result.replaced
      expect(() => parseAst(result.code), path.relative(antdEs, file)).not.toThrow()
    }
    // antd 6.6: ~80 style modules. Far fewer would mean antd changed how it declares styles and the build ships them again.
    expect(modules).toBeGreaterThan(60)
    expect(replaced).toBeGreaterThanOrEqual(modules)
  })
})
