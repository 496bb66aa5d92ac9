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

/** A department and every department above it (what a rule naming a department covers, seen from below). */
export function departmentAncestry(departments: readonly Pick<DepartmentRecord, 'id' | 'parentId'>[], id: string): Set<string> {
  const parents = new Map(departments.map((department) => [department.id, department.parentId]))
  const ids = new Set<string>()
  for (let at: string | null | undefined = id; at != null && !ids.has(at); at = parents.get(at)) ids.add(at)
  return ids
}
