// Request validation against the contract: bodies and query strings are checked by validators generated from
// api/openapi.yaml, and their findings become the field errors the console shows next to its fields.
import { bodyValidators, queryValidators, requiredBodies, type ContractError } from '@contract/validators.gen.js'
import { fieldError, validation, type FieldError } from '../rules/errors'

const fieldName = (instancePath: string, property?: unknown): string => {
  const segments = instancePath.split('/').filter((segment) => segment !== '' && !/^\d+$/.test(segment))
  if (typeof property === 'string') segments.push(property)
  return segments.join('.')
}

/**
 * In a oneOf, a branch whose `const` failed is one the caller did not mean (e.g. `mode: period` is not the
 * "forever" branch): its errors are noise. What is left speaks for the branch the caller chose.
 */
function meantErrors(errors: readonly ContractError[]): ContractError[] {
  const oneOfs = errors.filter((error) => error.keyword === 'oneOf')
  if (oneOfs.length === 0) return [...errors]
  const dropped = new Set<ContractError>()
  for (const oneOf of oneOfs) {
    const inside = errors.filter(
      (error) => error !== oneOf && error.schemaPath.startsWith(`${oneOf.schemaPath}/`) && error.instancePath.startsWith(oneOf.instancePath),
    )
    const branches = new Map<string, ContractError[]>()
    for (const error of inside) {
      const branch = error.schemaPath.slice(oneOf.schemaPath.length + 1).split('/')[0] ?? ''
      branches.set(branch, [...(branches.get(branch) ?? []), error])
    }
    const live = [...branches.values()].filter((branchErrors) => !branchErrors.some((error) => error.keyword === 'const'))
    // Errors found through a $ref inside a branch carry the referenced schema's path, not the branch's.
    const throughRefs = errors.filter(
      (error) => error !== oneOf && !inside.includes(error) && error.instancePath.startsWith(`${oneOf.instancePath}/`) && !error.schemaPath.startsWith(`${oneOf.schemaPath}/`),
    )
    for (const error of inside) dropped.add(error)
    if (live.length > 0) {
      dropped.add(oneOf)
      // Several branches could be meant: say only what all of them miss (e.g. the discriminator itself).
      const key = (error: ContractError) => `${error.keyword}\n${error.instancePath}\n${JSON.stringify(error.params)}`
      const common = live.slice(1).reduce((keys, branch) => keys.filter((k) => branch.some((error) => key(error) === k)), (live[0] ?? []).map(key))
      for (const error of live.flat()) if (live.length === 1 || common.includes(key(error))) dropped.delete(error)
    } else if (throughRefs.length > 0) {
      // The branch the caller meant failed only in a referenced schema: those errors speak for it.
      dropped.add(oneOf)
    } else {
      // No branch fits: say which discriminating value is wrong, once.
      const discriminator = inside.find((error) => error.keyword === 'const')
      if (discriminator) {
        dropped.add(oneOf)
        dropped.delete(discriminator)
      }
    }
  }
  return errors.filter((error) => !dropped.has(error))
}

/** The value an error points at (JSON Pointer into the request). */
function valueAt(input: unknown, instancePath: string): unknown {
  let value = input
  for (const segment of instancePath.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')]
  }
  return value
}

function toFieldError(error: ContractError, input: unknown): FieldError {
  const params = error.params
  const limit = typeof params.limit === 'number' ? params.limit : 0
  // A blank where a value belongs is a missing value, whatever type was expected.
  if (error.keyword === 'type' && valueAt(input, error.instancePath) === '') {
    const field = fieldName(error.instancePath)
    return fieldError(field, 'required', `${field} is required.`)
  }
  switch (error.keyword) {
    case 'required': {
      const field = fieldName(error.instancePath, params.missingProperty)
      return fieldError(field, 'required', `${field} is required.`)
    }
    case 'type': {
      const field = fieldName(error.instancePath) || 'body'
      if (params.type === 'integer') return fieldError(field, 'not_integer', `${field} must be a whole number.`)
      return fieldError(field, 'invalid', field === 'body' ? 'The request body must be a JSON object.' : `${field} must be of type ${String(params.type)}.`)
    }
    case 'enum':
    case 'const': {
      const field = fieldName(error.instancePath)
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [params.allowedValue]
      return fieldError(field, 'invalid', `${field} must be one of: ${allowed.map(String).join(', ')}.`)
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return fieldError(fieldName(error.instancePath), 'too_small', `${fieldName(error.instancePath)} must be at least ${limit}.`, { min: limit })
    case 'maximum':
    case 'exclusiveMaximum':
      return fieldError(fieldName(error.instancePath), 'too_large', `${fieldName(error.instancePath)} must be at most ${limit}.`, { max: limit })
    case 'minLength': {
      const field = fieldName(error.instancePath)
      if (limit <= 1) return fieldError(field, 'required', `${field} is required.`)
      return fieldError(field, 'too_small', `${field} must have at least ${limit} characters.`, { min: limit })
    }
    case 'maxLength':
      return fieldError(fieldName(error.instancePath), 'too_large', `${fieldName(error.instancePath)} must be at most ${limit} characters.`, { max: limit })
    case 'minItems':
      return fieldError(fieldName(error.instancePath), 'too_small', `Choose at least ${limit}.`, { min: limit })
    case 'maxItems':
      return fieldError(fieldName(error.instancePath), 'too_large', `At most ${limit}.`, { max: limit })
    case 'additionalProperties': {
      const field = fieldName(error.instancePath, params.additionalProperty)
      return fieldError(field, 'invalid', `${field} is not part of this request.`)
    }
    case 'format':
      return fieldError(fieldName(error.instancePath), 'invalid', `${fieldName(error.instancePath)} must be a valid ${String(params.format)}.`)
    default:
      return fieldError(fieldName(error.instancePath) || 'body', 'invalid', error.message ?? 'is invalid')
  }
}

function fieldErrors(errors: readonly ContractError[], input: unknown): FieldError[] {
  const seen = new Set<string>()
  return meantErrors(errors)
    .map((error) => toFieldError(error, input))
    .filter((error) => {
      const key = `${error.field}\n${error.code}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
}

/** The body checked against the operation's request schema; no body at all is refused only where the contract requires one. */
export function checkBody(operationId: string, body: unknown): void {
  const validate = bodyValidators[operationId]
  if (!validate) return
  if (body === undefined) {
    if (requiredBodies.has(operationId)) throw validation([fieldError('body', 'required', 'This request needs a JSON body.')])
    return
  }
  if (!validate(body)) throw validation(fieldErrors(validate.errors ?? [], body))
}

/** The query string as an object of checked (and coerced) values. */
export function checkQuery(operationId: string, search: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = {}
  for (const [name, value] of search) if (value !== '') query[name] = value
  const validate = queryValidators[operationId]
  if (validate && !validate(query)) throw validation(fieldErrors(validate.errors ?? [], query))
  return query
}
