// Reading untyped request input (JSON bodies, query strings) into checked values or field errors.
import { fieldError, validation, type FieldError } from './errors'

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The body as an object, or a validation error naming `body`. */
export function requireObject(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) throw validation([fieldError('body', 'invalid', 'The request body must be a JSON object.')])
  return body
}

/** Parses an integer from JSON (number) or a query string; pushes a field error and returns undefined when it is not one. */
export function readInteger(
  raw: unknown,
  field: string,
  errors: FieldError[],
  bounds: { min?: number; max?: number } = {},
): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    errors.push(fieldError(field, 'not_integer', `${field} must be a whole number.`))
    return undefined
  }
  if (bounds.min !== undefined && value < bounds.min) {
    errors.push(fieldError(field, 'too_small', `${field} must be at least ${bounds.min}.`, { min: bounds.min }))
    return undefined
  }
  if (bounds.max !== undefined && value > bounds.max) {
    errors.push(fieldError(field, 'too_large', `${field} must be at most ${bounds.max}.`, { max: bounds.max }))
    return undefined
  }
  return value
}

/** One of the allowed values, or a field error. */
export function readEnum<T extends string>(
  raw: unknown,
  field: string,
  allowed: readonly T[],
  errors: FieldError[],
): T | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined
  const match = allowed.find((candidate) => candidate === raw)
  if (match === undefined) {
    errors.push(fieldError(field, 'invalid', `${field} must be one of: ${allowed.join(', ')}.`))
  }
  return match
}
