// Types of the request validators generated into validators.gen.js by scripts/gen-api.ts.
export interface ContractError {
  instancePath: string
  schemaPath: string
  keyword: string
  params: Record<string, unknown>
  message?: string
}

export interface ContractValidator {
  (data: unknown): boolean
  errors?: ContractError[] | null
}

/** Request-body validators by operationId. */
export declare const bodyValidators: Readonly<Record<string, ContractValidator>>
/** Query-string validators by operationId; they coerce numbers and booleans in place. */
export declare const queryValidators: Readonly<Record<string, ContractValidator>>
/** Operations whose request body the contract marks required. */
export declare const requiredBodies: ReadonlySet<string>
