// Mock responses of the current test that broke api/openapi.yaml; setup fails the test unless a test drains them.
export const contractViolations: string[] = []

/** For tests that break the contract on purpose: returns and clears what was recorded. */
export function takeContractViolations(): string[] {
  return contractViolations.splice(0)
}
