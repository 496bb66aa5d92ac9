// Checks API responses against the contract (api/openapi.yaml's text): one validator per spec, compiled lazily per
// response. The console loads the spec through Vite (response-contract.ts); Playwright reads the file from disk.
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { ValidateFunction } from 'ajv'
import { parse } from 'yaml'

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

/** Returns human-readable violations (empty when the response matches the contract). */
export type ContractValidator = (method: string, pathname: string, status: number, contentType: string | null, body: unknown) => string[]

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')

export function createContractValidator(specText: string): ContractValidator {
  const spec = parse(specText) as Spec
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(spec as object, 'openapi')
  const pathMatchers = Object.keys(spec.paths).map((template) => ({
    template,
    regex: new RegExp('^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+') + '$'),
  }))
  const cache = new Map<string, ValidateFunction | null>()

  function resolveResponse(ref: ResponseObject): { obj: ResponseObject; base: string[] } | null {
    if (!ref.$ref) return null
    const name = ref.$ref.replace('#/components/responses/', '')
    const obj = spec.components?.responses?.[name]
    return obj ? { obj, base: ['components', 'responses', name] } : null
  }

  return (method, pathname, status, contentType, body) => {
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
}
