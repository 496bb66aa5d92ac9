// Generates the request validators of the governance API from api/openapi.yaml (ajv standalone code: no
// eval at run time, so the browser mock keeps the console's CSP). `--check` fails when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import Ajv2020, { _ } from 'ajv/dist/2020.js'
import standaloneCode from 'ajv/dist/standalone/index.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

interface Parameter {
  $ref?: string
  name?: string
  in?: string
  required?: boolean
  schema?: unknown
}
interface Operation {
  operationId?: string
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> }
}
interface Spec {
  paths: Record<string, Record<string, Operation | Parameter[]>>
  components: { parameters?: Record<string, Parameter> }
}

const specPath = new URL('../api/openapi.yaml', import.meta.url)
const outJs = new URL('../api/validators.gen.js', import.meta.url)
const BASE_ID = 'https://governance.invalid'
const SPEC_ID = `${BASE_ID}/openapi`
const spec = parse(readFileSync(specPath, 'utf8')) as Spec

// The generated file must not import ajv's CommonJS runtime: lengths count UTF-16 units, formats are defined inline.
const codeOptions = { unicode: false, logger: false as const, code: { source: true, esm: true, lines: false, formats: _`contractFormats` } }
// ajv's generated code calls a format as `f(x)`, `f.test(x)` or `f.validate(x)` depending on how ajv-formats defines
// it (function, RegExp or object): each inline format answers to all three.
const FORMATS = `const contractFormat = (check) => Object.assign((text) => check(text), { test: check, validate: check })
const contractFormats = {
  "date-time": contractFormat((text) => /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$/i.test(text) && !Number.isNaN(Date.parse(text))),
  "date": contractFormat((text) => /^\\d{4}-\\d{2}-\\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))),
  "email": contractFormat((text) => /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(text)),
  "uri": contractFormat((text) => { try { new URL(text); return true } catch { return false } }),
}
`

const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: false, ...codeOptions })
addFormats(ajv)
ajv.addSchema(spec as object, SPEC_ID)
const queryAjv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: true, ...codeOptions })
addFormats(queryAjv)
queryAjv.addSchema(spec as object, SPEC_ID)

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
const resolve = (parameter: Parameter): Parameter =>
  parameter.$ref ? (spec.components.parameters?.[parameter.$ref.replace('#/components/parameters/', '')] ?? parameter) : parameter

/** Parameter schemas are copied out of the spec: their local references must point back into it. */
function absolute(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(absolute)
  if (typeof schema !== 'object' || schema === null) return schema
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#') ? SPEC_ID + value : absolute(value)]),
  )
}

const bodies: Record<string, string> = {}
const requiredBodies: string[] = []
const queries: Record<string, string> = {}
const methods = ['get', 'post', 'put', 'patch', 'delete']
for (const [path, item] of Object.entries(spec.paths)) {
  const shared = (Array.isArray(item.parameters) ? item.parameters : []).map(resolve)
  for (const method of methods) {
    const operation = item[method] as Operation | undefined
    if (!operation?.operationId) continue
    const id = operation.operationId
    if (operation.requestBody?.content?.['application/json']?.schema) {
      ajv.addSchema({ $ref: `${SPEC_ID}#/${pointer('paths', path, method, 'requestBody', 'content', 'application/json', 'schema')}` }, `${BASE_ID}/body/${id}`)
      bodies[id] = `${BASE_ID}/body/${id}`
      if (operation.requestBody.required) requiredBodies.push(id)
    }
    const query = [...shared, ...(operation.parameters ?? []).map(resolve)].filter((p) => p.in === 'query' && p.name)
    if (query.length > 0) {
      const properties: Record<string, unknown> = {}
      for (const parameter of query) properties[parameter.name as string] = absolute(parameter.schema ?? {})
      const required = query.filter((p) => p.required).map((p) => p.name as string)
      queryAjv.addSchema({ type: 'object', properties, ...(required.length ? { required } : {}) }, `${BASE_ID}/query/${id}`)
      queries[id] = `${BASE_ID}/query/${id}`
    }
  }
}

const exportName = (kind: string, id: string) => `${kind}_${id}`
const bodyCode = standaloneCode(ajv, Object.fromEntries(Object.entries(bodies).map(([id, ref]) => [exportName('body', id), ref])))
const queryCode = standaloneCode(queryAjv, Object.fromEntries(Object.entries(queries).map(([id, ref]) => [exportName('query', id), ref])))

// Two standalone modules in one file: the query one is wrapped so their internal names cannot collide.
const header = '// Generated by scripts/gen-api.ts from api/openapi.yaml: do not edit.\n/* eslint-disable */\n' + FORMATS
const js = [
  header,
  bodyCode,
  `\nexport const requiredBodies = new Set(${JSON.stringify(requiredBodies)})\n`,
  '\nexport const bodyValidators = {' + Object.keys(bodies).map((id) => `${JSON.stringify(id)}: ${exportName('body', id)}`).join(', ') + '}\n',
  'export const queryValidators = (() => {\n' +
    queryCode.replace(/export const (\w+) = /g, 'const $1 = ').replace(/"use strict";/g, '') +
    '\nreturn {' +
    Object.keys(queries).map((id) => `${JSON.stringify(id)}: ${exportName('query', id)}`).join(', ') +
    '}\n})()\n',
].join('\n')

if (process.argv.includes('--check')) {
  const current = readFileSync(outJs, 'utf8')
  if (current !== js) {
    console.error('api/validators.gen.js is out of date: run npm run gen:api')
    process.exit(1)
  }
} else {
  writeFileSync(outJs, js)
  console.log(`api/validators.gen.js: ${Object.keys(bodies).length} request bodies, ${Object.keys(queries).length} query strings`)
}
