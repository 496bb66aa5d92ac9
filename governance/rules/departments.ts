// The department tree: a department with everything below it.
import type { DepartmentRecord } from './records'

/** The ids of `roots` and of every department below them. */
export function departmentSubtree(departments: readonly Pick<DepartmentRecord, 'id' | 'parentId'>[], roots: Iterable<string>): Set<string> {
  const children = new Map<string, string[]>()
  for (const department of departments) {
    if (department.parentId === null) continue
    const siblings = children.get(department.parentId)
    if (siblings) siblings.push(department.id)
    else children.set(department.parentId, [department.id])
  }
  const ids = new Set<string>()
  const queue = [...roots]
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (ids.has(id)) continue
    ids.add(id)
    queue.push(...(children.get(id) ?? []))
  }
  return ids
}
