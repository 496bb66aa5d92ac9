import { describe, expect, it } from 'vitest'
import { departmentSubtree } from './departments'

const tree = [
  { id: 'root', parentId: null },
  { id: 'sales', parentId: 'root' },
  { id: 'sales-east', parentId: 'sales' },
  { id: 'sales-east-1', parentId: 'sales-east' },
  { id: 'eng', parentId: 'root' },
]

describe('departmentSubtree', () => {
  it('takes a department with every department below it, however deep', () => {
    expect(departmentSubtree(tree, ['sales'])).toEqual(new Set(['sales', 'sales-east', 'sales-east-1']))
  })
  it('merges several roots and leaves siblings out', () => {
    expect(departmentSubtree(tree, ['sales-east', 'eng'])).toEqual(new Set(['sales-east', 'sales-east-1', 'eng']))
  })
  it('keeps an unknown id as itself (the caller decides whether that is an error)', () => {
    expect(departmentSubtree(tree, ['nowhere'])).toEqual(new Set(['nowhere']))
  })
})
