// antd's stylesheet in two parts, by antd's own extraction (@ant-design/static-style-extract renders each component
// once and collects what it registers; with `hashed: false` the whole set is byte for byte antd/dist/antd.css, the
// sheet zeroRuntime asks for). The first screens (sign-in, tenant chooser, shell, overview, error pages) load only
// the components they use; every other page loads the rest with its code. Written to src/generated/ (not versioned)
// whenever the config is loaded — build, dev server, unit tests — unless the files already match the installed antd.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Plugin } from 'vite'

const require = createRequire(import.meta.url)

/**
 * Every antd component a module of the first screens imports (src/app, the overview, and the shared pieces they
 * use); names as antd exports them. A component missing here is styled only once another page has loaded the rest.
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

export const GENERATED_DIR = 'src/generated'
export const FIRST_SHEET = 'antd-first.css'
export const REST_SHEET = 'antd-rest.css'

interface Extract {
  extractStyle(options: { includes?: string[]; excludes?: string[]; customTheme?: (node: unknown) => unknown }): string
}
interface ReactLike {
  createElement(type: unknown, props: unknown, ...children: unknown[]): unknown
}

/** Writes the two sheets unless they were written for this antd version and component list already. */
export function writeAntdStyles(root: string): void {
  const dir = path.join(root, GENERATED_DIR)
  const antdVersion = (require('antd/package.json') as { version: string }).version
  const stamp = `/* antd ${antdVersion}, split by @ant-design/static-style-extract; first screens: ${FIRST_SCREEN_COMPONENTS.join(' ')} */\n`
  const first = path.join(dir, FIRST_SHEET)
  const rest = path.join(dir, REST_SHEET)
  if (existsSync(rest) && existsSync(first) && readFileSync(first, 'utf8').startsWith(stamp) && readFileSync(rest, 'utf8').startsWith(stamp)) return
  const { extractStyle } = require('@ant-design/static-style-extract') as Extract
  const React = require('react') as ReactLike
  const { ConfigProvider } = require('antd') as { ConfigProvider: unknown }
  const customTheme = (node: unknown) => React.createElement(ConfigProvider, { theme: { hashed: false } }, node)
  // Rendering every component once makes antd warn about its deprecated ones (Input.Group, List): not ours.
  const { error, warn } = console
  console.error = () => undefined
  console.warn = () => undefined
  try {
    const firstCss = extractStyle({ includes: [...FIRST_SCREEN_COMPONENTS], customTheme })
    const restCss = extractStyle({ excludes: [...FIRST_SCREEN_COMPONENTS], customTheme })
    mkdirSync(dir, { recursive: true })
    // Written aside and renamed: two builds started together never read a half-written sheet.
    for (const [file, css] of [[first, firstCss], [rest, restCss]] as const) {
      const aside = `${file}.${process.pid}.tmp`
      writeFileSync(aside, stamp + css)
      renameSync(aside, file)
    }
  } finally {
    console.error = error
    console.warn = warn
  }
}

export function antdStyles(): Plugin {
  return {
    name: 'antd-styles',
    configResolved(config) {
      writeAntdStyles(config.root)
    },
  }
}
