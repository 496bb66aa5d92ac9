// antd's style generators, dropped from the production bundle because zeroRuntime never runs them.
//
// Every antd component declares its CSS-in-JS as `genStyleHooks(name, styleFn, prepareComponentToken, options)`
// (or genComponentStyleHook / genSubStyleComponent). Under `theme.zeroRuntime` the hook antd builds from it returns
// before `styleFn` is called (@ant-design/cssinjs-utils, genComponentStyleHook: `if (memoizedZeroRuntime) return
// hashId`): the CSS comes from antd's prebuilt sheet (scripts/antd-styles.ts). The component-token part
// (`prepareComponentToken`, which writes our theme's tokens into CSS variables) still runs and is left alone. The
// bundler cannot know `styleFn` is dead, so each component shipped all of its CSS rules as JS, about half of antd's
// code on the first screens. This plugin replaces that one argument by an empty generator in antd's own modules;
// the functions only it used then fall away in tree-shaking.
//
// Only correct while the console's theme keeps `zeroRuntime: true` (src/app/theme.ts); scripts/antd-zero-runtime.test.ts
// holds both ends of that. Applies to production builds: the dev server pre-bundles antd untouched and unit tests
// load it from node_modules, both also under zeroRuntime.
import MagicString from 'magic-string'
import { parseAst, type Plugin } from 'vite'

/** The factories of antd's style hooks; their second argument is the style generator. */
const STYLE_HOOK_FACTORIES = ['genStyleHooks', 'genComponentStyleHook', 'genSubStyleComponent'] as const

const ANTD_MODULE = /[\\/]node_modules[\\/]antd[\\/]es[\\/]/

interface Located {
  type: string
  start: number
  end: number
}

interface CallNode extends Located {
  type: 'CallExpression'
  callee: Located & { name?: string }
  arguments: Located[]
}

const isStyleHookCall = (node: Located): node is CallNode => {
  if (node.type !== 'CallExpression') return false
  const call = node as CallNode
  return call.callee.type === 'Identifier' && (STYLE_HOOK_FACTORIES as readonly string[]).includes(call.callee.name ?? '') && call.arguments.length > 1
}

function collectStyleHookCalls(node: unknown, found: CallNode[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collectStyleHookCalls(child, found)
    return
  }
  if (node === null || typeof node !== 'object') return
  const located = node as Located
  if (typeof located.type === 'string' && isStyleHookCall(located)) found.push(located)
  for (const value of Object.values(node)) if (value !== null && typeof value === 'object') collectStyleHookCalls(value, found)
}

/**
 * The module with each style hook's generator replaced by one that yields no rules; null when it declares none.
 * The source map goes with it, so a build with source maps still points into antd's code.
 */
export function withoutStyleGenerators(code: string, id: string): { code: string; map: ReturnType<MagicString['generateMap']>; replaced: number } | null {
  if (!STYLE_HOOK_FACTORIES.some((name) => code.includes(`${name}(`))) return null
  const calls: CallNode[] = []
  collectStyleHookCalls(parseAst(code), calls)
  // A generator is replaced whole: calls inside one (none in antd 6.6) go with it.
  const outermost = calls.filter((call) => !calls.some((other) => other !== call && other.arguments[1]!.start <= call.start && call.end <= other.arguments[1]!.end))
  if (outermost.length === 0) return null
  const edited = new MagicString(code)
  for (const call of outermost) {
    const generator = call.arguments[1]!
    edited.overwrite(generator.start, generator.end, '() => []')
  }
  return { code: edited.toString(), map: edited.generateMap({ source: id, hires: true }), replaced: outermost.length }
}

export function antdZeroRuntime(): Plugin {
  return {
    name: 'antd-zero-runtime',
    apply: 'build',
    transform: {
      filter: { id: ANTD_MODULE },
      handler(code, id) {
        const result = withoutStyleGenerators(code, id)
        return result ? { code: result.code, map: result.map } : null
      },
    },
  }
}
