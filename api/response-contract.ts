// Checks API responses against api/openapi.yaml at run time (the console in development, and every test), so a drifting API fails loudly.
import { createContractValidator } from './contract-check'
import specText from './openapi.yaml?raw'

export const validateAgainstContract = createContractValidator(specText)
