// Checks API responses against api/openapi.yaml at run time (the console in development, and every test), so a drifting API fails loudly.
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import type { ValidateFunction } from 'ajv'
import { parse } from 'yaml'
import specText from './openapi.yaml?raw'

interface Operation {
  responses?: Record<string, ResponseObject>
}
interface ResponseObject {
  $ref?: string
  content?: Record<string, { schema?: unknown }>
}
interface Spec {
  paths: Record<string, Record<string, Operation | unknown>>
  components?: { responses?: Record<string, ResponseObject> }
}

const spec = parse(specText) as Spec
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
ajv.addSchema(spec as object, 'openapi')

const pathMatchers = Object.keys(spec.paths).map((template) => ({
  template,
  regex: new RegExp('^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+') + '$'),
}))

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
const cache = new Map<string, ValidateFunction | null>()

function resolveResponse(ref: ResponseObject): { obj: ResponseObject; base: string[] } | null {
  if (!ref.$ref) return null
  const name = ref.$ref.replace('#/components/responses/', '')
  const obj = spec.components?.responses?.[name]
  return obj ? { obj, base: ['components', 'responses', name] } : null
}

/** Returns human-readable violations (empty when the response matches the contract). */
export function validateAgainstContract(
  method: string,
  pathname: string,
  status: number,
  contentType: string | null,
  body: unknown,
): string[] {
  const match = pathMatchers.find((m) => m.regex.test(pathname))
  const where = `${method.toUpperCase()} ${pathname} → ${status}`
  if (!match) return [`${where}: path is not in the contract`]
  const operation = spec.paths[match.template]?.[method.toLowerCase()] as Operation | undefined
  if (!operation) return [`${where}: method is not in the contract`]
  const statusKey = operation.responses?.[String(status)] ? String(status) : 'default'
  let response = operation.responses?.[statusKey]
  if (!response) return [`${where}: status is not in the contract`]
  let base = ['paths', match.template, method.toLowerCase(), 'responses', statusKey]
  const resolved = resolveResponse(response)
  if (resolved) {
    response = resolved.obj
    base = resolved.base
  }
  if (!response.content) {
    return body === undefined || body === null || body === '' ? [] : [`${where}: contract says no body`]
  }
  const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? ''
  if (!response.content[mediaType]) return [`${where}: content type "${mediaType}" is not in the contract`]
  const key = pointer(...base, 'content', mediaType, 'schema')
  let validate = cache.get(key)
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `openapi#/${key}` })
    cache.set(key, validate)
  }
  if (!validate || validate(body)) return []
  return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`)
}
