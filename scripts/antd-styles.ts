// The first screens' part of antd's stylesheet, by antd's own extraction: @ant-design/static-style-extract renders
// each component once and collects what it registers; with `hashed: false` the whole set is byte for byte
// antd/dist/antd.css, the sheet zeroRuntime asks for. The first screens (sign-in, tenant chooser, shell, overview,
// error pages) load only the components they use, in antd.css's own order; every other page loads antd.css itself
// with its code (src/app/route-styles.ts), whose rules then stand in their usual order for every component.
// Written to src/generated/ (not versioned) whenever the config is loaded — build, dev server, unit tests — unless
// the file already matches the installed antd and the list below.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Plugin } from 'vite'

const require = createRequire(import.meta.url)

/**
 * Every antd component a module of the first screens uses (src/app, the overview, and the shared pieces they
 * import; Modal for the account menu's "Reset demo data" confirmation); names as antd exports them. A component
 * missing here is styled only once antd.css has arrived (the console fetches it when the browser is first idle).
 */
export const FIRST_SCREEN_COMPONENTS = [
  'Alert',
  'App',
  'Button',
  'Card',
  'Col',
  'Descriptions',
  'Dropdown',
  'Empty',
  'Flex',
  'Layout',
  'Menu',
  'Modal',
  'Result',
  'Row',
  'Skeleton',
  'Space',
  'Spin',
  'Statistic',
  'Tag',
  'Tooltip',
  'Typography',
  'message',
  'notification',
] as const

const FIRST_SHEET = 'src/generated/antd-first.css'

interface Extract {
  extractStyle(options: { includes?: string[]; customTheme?: (node: unknown) => unknown }): string
}
interface ReactLike {
  createElement(type: unknown, props: unknown, ...children: unknown[]): unknown
}

/** Writes the first screens' sheet unless it was written for this antd version and component list already. */
function writeFirstScreenStyles(root: string): void {
  const file = path.join(root, FIRST_SHEET)
  const antdVersion = (require('antd/package.json') as { version: string }).version
  const stamp = `/* antd ${antdVersion}, extracted by @ant-design/static-style-extract for: ${FIRST_SCREEN_COMPONENTS.join(' ')} */\n`
  if (existsSync(file) && readFileSync(file, 'utf8').startsWith(stamp)) return
  const { extractStyle } = require('@ant-design/static-style-extract') as Extract
  const React = require('react') as ReactLike
  const antd = require('antd') as Record<string, unknown>
  const customTheme = (node: unknown) => React.createElement(antd.ConfigProvider, { theme: { hashed: false } }, node)
  // In antd's own order (the order of antd.css), so the first screens' rules cascade as they do in the full sheet.
  const wanted: readonly string[] = FIRST_SCREEN_COMPONENTS
  const includes = Object.keys(antd).filter((name) => wanted.includes(name))
  const css = extractStyle({ includes, customTheme })
  mkdirSync(path.dirname(file), { recursive: true })
  // Written aside and renamed: two builds started together never read a half-written sheet.
  const aside = `${file}.${process.pid}.tmp`
  writeFileSync(aside, stamp + css)
  renameSync(aside, file)
}

export function antdStyles(): Plugin {
  return {
    name: 'antd-styles',
    configResolved(config) {
      writeFirstScreenStyles(config.root)
    },
  }
}
