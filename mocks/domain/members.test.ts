// Member directory rules: search, filters, order, cursor paging and masking.
import { describe, expect, it } from 'vitest'
import { listTenantMembers, MOCK_EPOCH_ISO } from '../db/members'
import { seedState } from '../db/seeds'
import type { MockDbState } from '../db/state'
import { authorize, type ActorContext } from './access'
import { DomainError } from './errors'
import { listDepartments, maskEmail, maskPhone, searchMembers, type MemberQuery } from './members'

const now = Date.parse(MOCK_EPOCH_ISO)

function setup(personaId = 'admin-acme', scenario: 'default' | 'large' = 'default'): { state: MockDbState; ctx: ActorContext } {
  const state = seedState(scenario, 0)
  state.session = { personaId }
  return { state, ctx: authorize(state, now, 't-acme', 'read') }
}

function fieldsOf(run: () => unknown): string[] {
  try {
    run()
  } catch (error) {
    if (error instanceof DomainError && error.status === 400) return (error.errors ?? []).map((e) => `${e.field}:${e.code}`)
    throw error
  }
  throw new Error('expected a validation error')
}

describe('member search', () => {
  it('pages through every member exactly once, in name-then-id order', () => {
    const { state, ctx } = setup()
    const seen: string[] = []
    const names: string[] = []
    let query: MemberQuery = { limit: 120 }
    for (;;) {
      const page = searchMembers(state, ctx, query)
      expect(page.total).toBe(300)
      seen.push(...page.items.map((m) => m.id))
      names.push(...page.items.map((m) => m.name))
      if (page.nextCursor === null) break
      query = { limit: 120, cursor: page.nextCursor }
    }
    expect(seen).toHaveLength(300)
    expect(new Set(seen).size).toBe(300)
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names)
  })

  it('defaults to 50 and refuses limits outside 1..200 or not whole', () => {
    const { state, ctx } = setup()
    expect(searchMembers(state, ctx, {}).items).toHaveLength(50)
    expect(fieldsOf(() => searchMembers(state, ctx, { limit: '0' }))).toEqual(['limit:too_small'])
    expect(fieldsOf(() => searchMembers(state, ctx, { limit: '201' }))).toEqual(['limit:too_large'])
    expect(fieldsOf(() => searchMembers(state, ctx, { limit: '2.5' }))).toEqual(['limit:not_integer'])
  })

  it('matches name, email and employee number case-insensitively', () => {
    const { state, ctx } = setup()
    expect(searchMembers(state, ctx, { q: '王芳' }).items.map((m) => m.id)).toContain('m-acme-000000')
    expect(searchMembers(state, ctx, { q: 'WANG.FANG@' }).items.map((m) => m.id)).toEqual(['m-acme-000000'])
    expect(searchMembers(state, ctx, { q: 'ac000002' }).items.map((m) => m.id)).toEqual(['m-acme-000001'])
    expect(searchMembers(state, ctx, { q: 'no-such-person' })).toEqual({ items: [], total: 0, nextCursor: null })
  })

  it('filters by department including its sub-departments, by status and by role', () => {
    const { state, ctx } = setup()
    const rd = searchMembers(state, ctx, { departmentId: 'd-acme-rd', limit: 200 })
    expect(rd.total).toBeGreaterThan(0)
    const rdTree = ['d-acme-rd', 'd-acme-rd-fe', 'd-acme-rd-be', 'd-acme-rd-qa']
    expect(rd.items.every((m) => rdTree.includes(m.departmentId))).toBe(true)
    expect(rd.items.some((m) => m.departmentId !== 'd-acme-rd')).toBe(true)
    const admins = searchMembers(state, ctx, { role: 'admin', limit: 200 })
    expect(admins.total).toBeGreaterThanOrEqual(3)
    expect(admins.items.every((m) => m.role === 'admin')).toBe(true)
    const deactivated = searchMembers(state, ctx, { status: 'deactivated', limit: 200 })
    expect(deactivated.total).toBeGreaterThan(0)
    expect(deactivated.items.every((m) => m.status === 'deactivated')).toBe(true)
    expect(fieldsOf(() => searchMembers(state, ctx, { status: 'asleep', role: 'owner', departmentId: 'd-x' }))).toEqual([
      'status:invalid',
      'role:invalid',
      'departmentId:invalid',
    ])
  })

  it('refuses a cursor from another search, and a forged one', () => {
    const { state, ctx } = setup()
    const cursor = searchMembers(state, ctx, { q: 'a', limit: 5 }).nextCursor
    expect(cursor).not.toBeNull()
    expect(fieldsOf(() => searchMembers(state, ctx, { q: 'b', cursor }))).toEqual(['cursor:invalid'])
    expect(fieldsOf(() => searchMembers(state, ctx, { cursor: '%%%' }))).toEqual(['cursor:invalid'])
  })

  it('always masks phones, and masks emails for support agents only', () => {
    const admin = setup('admin-acme')
    const wang = searchMembers(admin.state, admin.ctx, { q: 'AC000001' }).items[0]
    expect(wang?.email).toBe('wang.fang@acme.example')
    expect(wang?.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/)
    const agent = setup('support-agent')
    const masked = searchMembers(agent.state, agent.ctx, { q: 'AC000001' }).items[0]
    expect(masked?.email).toBe('w***@acme.example')
    expect(masked?.phoneMasked).toBe(wang?.phoneMasked)
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskEmail('wang.fang@acme.example')).toBe('w***@acme.example')
  })

  it('applies stored patches to the generated members', () => {
    const { state, ctx } = setup()
    state.memberPatches['m-acme-000005'] = { status: 'removed', name: 'Zz 改名' }
    const page = searchMembers(state, ctx, { q: 'zz 改名' })
    expect(page.items.map((m) => [m.id, m.status])).toEqual([['m-acme-000005', 'removed']])
  })

  it('counts department members including sub-departments', () => {
    const { state } = setup()
    const departments = listDepartments(state, 't-acme')
    const count = (id: string) => departments.find((d) => d.id === id)?.memberCount ?? -1
    expect(count('d-acme-rd')).toBe(count('d-acme-rd-fe') + count('d-acme-rd-be') + count('d-acme-rd-qa') +
      listTenantMembers(state, 't-acme').filter((m) => m.departmentId === 'd-acme-rd').length)
    expect(departments.filter((d) => d.parentId === null).reduce((sum, d) => sum + d.memberCount, 0)).toBe(300)
  })

  it('generates 100 000 members once and reuses them until members change', () => {
    const { state, ctx } = setup('admin-acme', 'large')
    expect(searchMembers(state, ctx, { limit: 1 }).total).toBe(100_000)
    const members = listTenantMembers(state, 't-acme')
    expect(searchMembers(state, ctx, { q: 'zhang', status: 'active' }).total).toBeGreaterThan(0)
    expect(listTenantMembers(state, 't-acme')).toBe(members)
    state.memberPatches['m-acme-000007'] = { status: 'deactivated' }
    expect(listTenantMembers(state, 't-acme')).not.toBe(members)
  })
})
