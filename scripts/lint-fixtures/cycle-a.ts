// A deliberate import cycle (with cycle-b.ts): lint.test.ts proves the lint refuses it.
import { b } from './cycle-b'
export const a = (): number => b() + 1
