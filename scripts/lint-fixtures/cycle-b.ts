// A deliberate import cycle (with cycle-a.ts): lint.test.ts proves the lint refuses it.
import { a } from './cycle-a'
export const b = (): number => (typeof a === 'function' ? 1 : 0)
