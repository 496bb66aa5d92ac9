// Next-of-kin requests, the support agent and the administrator each on their own part: intake with evidence (and
// invalid files refused next to the field), the admin's copy decision and the archive that holds exactly the approved
// categories, a correction that shows on the member, the agent's platform part, the deceased's arrangement, a "more
// information" round trip with the clock paused, the reply letter in both languages; axe on every screen.
import type { Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { test, expect } from './fixtures'
import { expectDialogTakesKeyboard } from './pages/keyboard'
import { RetentionPage } from './pages/retention'
import { secondUser } from './pages/second-user'
import { selectOption } from './pages/select-option'

const INBOX = '/tenants/t-acme/kin-requests'
/** Members of Acme's default scenario: one who arranged nothing, one who forbade every disclosure. */
const DECEASED = { id: 'm-acme-000007', name: '蒋子磊' }
const FORBIDDING = { id: 'm-acme-000015', name: '宋婷明' }
const PDF = '%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n'

type Json = Record<string, unknown>

/** A call to the API from a signed-in page, as a script or another client would make it (for setting a scene). */
async function call(page: Page, method: string, path: string, body?: unknown, binary?: string): Promise<Json> {
  return page.evaluate(
    async ({ method, path, body, binary }) => {
      const headers: Record<string, string> = { 'Idempotency-Key': crypto.randomUUID(), 'X-Requested-With': 'fetch' }
      let payload: BodyInit | undefined
      if (binary !== undefined) {
        headers['Content-Type'] = 'application/octet-stream'
        payload = new TextEncoder().encode(binary)
      } else if (body !== undefined) {
        headers['Content-Type'] = 'application/json'
        payload = JSON.stringify(body)
      }
      const response = await fetch(path, { method, headers, ...(payload === undefined ? {} : { body: payload }) })
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
      return (await response.json()) as Record<string, unknown>
    },
    { method, path, body, binary },
  )
}

/** Logs a request through the API as whoever is signed in on the page (about 蒋子磊 unless `input` says otherwise). */
function logRequest(page: Page, input: Json): Promise<Json> {
  return call(page, 'POST', '/api/v1/kin-requests', {
    tenantId: 't-acme',
    memberId: DECEASED.id,
    requester: { name: 'Zhang Wei', relationship: 'child', contact: 'zhang.wei@example.cn', language: 'en' },
    interest: 'Settling the estate',
    ...input,
  })
}

/** The agent logs a verified request (the scene for the deciding journeys). */
async function verifiedRequest(agent: Page, memberId: string, input: Json): Promise<string> {
  const request = await logRequest(agent, { memberId, ...input })
  const id = String(request.id)
  await call(agent, 'POST', `/api/v1/kin-requests/${id}/evidence?kind=death_certificate&fileName=death.pdf`, undefined, PDF)
  await call(agent, 'POST', `/api/v1/kin-requests/${id}/verification`, { checklist: { death_certificate: true, relationship_proof: true, requester_id: true }, verified: true })
  return id
}

test('a support agent logs a request with evidence; a file that is not what its name says is refused next to its field', async ({ page, loginAs, expectAccessible }, testInfo) => {
  await loginAs('support-agent', '/tenants')
  await page.getByRole('link', { name: 'Next-of-kin requests: the platform’s part, every tenant' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Next-of-kin requests — all tenants' })).toBeVisible()
  await expectAccessible('platform inbox')
  await page.getByRole('link', { name: 'Log a request' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Log a next-of-kin request' })).toBeVisible()
  await selectOption(page, page.getByRole('combobox', { name: 'Tenant' }), '杭州示例贸易有限公司', '示例')
  await selectOption(page, page.getByRole('combobox', { name: 'Deceased member' }), new RegExp(`^${DECEASED.name} ·`), DECEASED.name)
  await page.getByRole('textbox', { name: 'Requester’s name' }).fill('张伟')
  await selectOption(page, page.getByRole('combobox', { name: 'Relationship to the deceased' }), 'Child')
  await page.getByRole('textbox', { name: 'Contact (address, email or phone)' }).fill('zhang.wei@example.cn')
  await page.getByRole('textbox', { name: 'The requester’s stated interest' }).fill('办理遗产继承')
  // A text file named .pdf is refused by its content, before anything is sent.
  const death = page.getByLabel('Death certificate')
  await death.setInputFiles({ name: '死亡证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') })
  await expect(page.getByRole('alert').filter({ hasText: '死亡证明.pdf is not a PDF, JPEG or PNG.' })).toBeVisible()
  await expect(death).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Death certificate').setInputFiles({ name: '死亡证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) })
  await page.getByLabel('Proof of relationship').setInputFiles({ name: 'hukou.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) })
  // Over 10 MB is refused before it is sent, and so is an empty file.
  await page.getByLabel('Requester’s ID').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from(PDF), Buffer.alloc(10 * 1024 * 1024)]) })
  await expect(page.getByRole('alert').filter({ hasText: 'scan.pdf is larger than 10 MB.' })).toBeVisible()
  await page.getByLabel('Requester’s ID').setInputFiles({ name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) })
  await expect(page.getByRole('alert').filter({ hasText: 'empty.jpg is empty.' })).toBeVisible()
  await expectAccessible('intake')
  if (testInfo.project.name === 'chromium') await page.screenshot({ path: 'docs/screenshots/kin-intake.png', fullPage: true })
  await page.getByRole('button', { name: 'Log request' }).click()

  await expect(page.getByRole('heading', { level: 1, name: `Request about ${DECEASED.name}` })).toBeVisible()
  const evidence = page.getByRole('region', { name: 'Evidence' })
  await expect(evidence).toContainText('Death certificate: 死亡证明.pdf')
  await expect(evidence).toContainText('Proof of relationship: hukou.png')
  await expect(page.getByRole('region', { name: 'Platform-held account data', exact: true })).toContainText('15 days left')
  // The agent who logged it is assigned to it.
  await expect(page.getByRole('row').filter({ hasText: 'Platform agent' })).toContainText('李雷')
  await expectAccessible('case')
})

test('the admin decides the enterprise part of a copy request: the archive holds exactly the approved categories, the correction shows on the member', async ({ page, context, browser, loginAs }) => {
  test.setTimeout(60_000)
  await loginAs('admin-acme', INBOX)
  const agent = await secondUser(context, browser, 'support-agent')
  const id = await verifiedRequest(agent.tab, DECEASED.id, {
    rights: ['copy', 'correct'],
    categories: ['name', 'wechat', 'position', 'landline', 'chat_messages'],
    corrections: [{ field: 'landline', after: '021-60000000' }],
  })
  await page.reload()
  await page.getByRole('link', { name: `Open request of ${DECEASED.name}` }).click()
  const panel = page.getByRole('region', { name: 'Decide your part — Enterprise-held data' })
  await expect(panel).toBeVisible()
  // The platform's categories are not the admin's to decide.
  await expect(panel.getByRole('radiogroup', { name: 'Copy: Name' })).toHaveCount(0)
  await panel.getByRole('radiogroup', { name: 'Copy: Position, rank and title' }).getByRole('radio', { name: 'Approve' }).check()
  await panel.getByRole('radiogroup', { name: 'Copy: Landline' }).getByRole('radio', { name: 'Approve' }).check()
  await panel.getByRole('radiogroup', { name: 'Correct: Landline' }).getByRole('radio', { name: 'Approve' }).check()
  await panel.getByRole('radiogroup', { name: 'Copy: Chat messages' }).getByRole('radio', { name: 'Refuse' }).check()
  await selectOption(page, panel.getByRole('combobox', { name: 'Ground for refusing to Copy Chat messages' }), 'It would harm the rights of others')
  await panel.getByRole('button', { name: 'Save decision' }).click()
  await expect(page.getByRole('region', { name: 'Enterprise-held data', exact: true })).toContainText('Copy: Chat messages — Refused: It would harm the rights of others')
  await page.getByRole('button', { name: 'Carry out' }).click()
  const enterprise = page.getByRole('region', { name: 'Enterprise-held data', exact: true })
  await expect(enterprise).toContainText('Landline: 021-6')
  await expect(enterprise).toContainText('→ 021-60000000')

  const download = page.waitForEvent('download')
  await enterprise.getByRole('button', { name: `Download ${id}-enterprise.zip` }).click()
  const file = await (await download).path()
  const files = unzipSync(new Uint8Array(readFileSync(file)))
  expect(Object.keys(files).sort()).toEqual(['data.json', 'landline.csv', 'position.csv'])
  const data = JSON.parse(strFromU8(files['data.json'] as Uint8Array)) as { categories: string[] }
  expect(data.categories).toEqual(['position', 'landline'])

  // The correction shows on the member.
  await page.goto(`/tenants/t-acme/members/${DECEASED.id}`)
  await expect(page.getByText('021-60000000')).toBeVisible()

  // The agent refuses the platform's part; the request is then fulfilled and the letter (in English) says it all.
  await agent.tab.goto(`/kin-requests/${id}`)
  const platform = agent.tab.getByRole('region', { name: 'Decide your part — Platform-held account data' })
  await selectOption(agent.tab, platform.getByRole('combobox', { name: 'Refuse all on' }), 'Refuse all on: The evidence is insufficient')
  await platform.getByRole('button', { name: 'Save decision' }).click()
  await expect(agent.tab.getByRole('heading', { level: 1 })).toBeVisible()
  await agent.tab.getByRole('button', { name: 'Preview the reply letter' }).click()
  const letter = agent.tab.getByRole('dialog', { name: 'Reply letter' })
  await expect(letter).toContainText('Dear Zhang Wei,')
  await expect(letter).toContainText('Copy — Landline')
  await expect(letter).toContainText('Copy — Name: The evidence is insufficient')
  await expect(letter).toContainText('We corrected: Landline: 021-60000000.')
  await expect(letter).toContainText('privacy@platform.example')
  // Escape closes the letter, like its two Close buttons.
  await agent.tab.keyboard.press('Escape')
  await expect(letter).toBeHidden()
  await agent.tab.getByRole('button', { name: 'Close the request' }).click()
  await expect(agent.tab.getByText('Closed', { exact: true }).first()).toBeVisible()
  await agent.close()
})

test('the deceased forbade disclosure: approval is not offered and the refusal on that ground is prefilled; the letter goes out in Chinese', async ({ page, context, browser, loginAs, expectAccessible }, testInfo) => {
  await loginAs('admin-acme', INBOX)
  const agent = await secondUser(context, browser, 'support-agent')
  await verifiedRequest(agent.tab, FORBIDDING.id, { rights: ['view'], categories: ['position'], requester: { name: '程明', relationship: 'sibling', contact: '上海市徐汇区', language: 'zh' } })
  await agent.close()
  await page.reload()
  await page.getByRole('link', { name: `Open request of ${FORBIDDING.name}` }).click()
  await expect(page.getByText('The deceased arranged that none of their personal information be disclosed after their death.')).toBeVisible()
  const panel = page.getByRole('region', { name: 'Decide your part — Enterprise-held data' })
  const choice = panel.getByRole('radiogroup', { name: 'View: Position, rank and title' })
  await expect(choice.getByRole('radio', { name: 'Approve' })).toBeDisabled()
  await expect(choice.getByRole('radio', { name: 'Refuse' })).toBeChecked()
  await expect(panel.getByRole('combobox', { name: 'Ground for refusing to View Position, rank and title' }).locator('xpath=ancestor::*[contains(@class,"ant-select")][1]')).toContainText('The deceased arranged otherwise while alive')
  await expectAccessible('decision with arrangement')
  await panel.getByRole('button', { name: 'Save decision' }).click()
  const preview = page.getByRole('button', { name: 'Preview the reply letter' })
  const letter = page.getByRole('dialog', { name: 'Reply letter' })
  await expectDialogTakesKeyboard(page, preview, letter, 3)
  await preview.click()
  await expect(letter).toContainText('程明：')
  await expect(letter).toContainText('查阅——职务、职级、职称：死者生前另有安排')
  await expect(letter).toContainText('12377.cn')
  if (testInfo.project.name === 'chromium') await page.screenshot({ path: 'docs/screenshots/kin-letter-zh.png' })
  await expectAccessible('letter')
})

test('asking the requester for more information pauses the clock, which shows in the inbox and the history', async ({ page, loginAs, mock }, testInfo) => {
  await loginAs('support-agent', '/kin-requests')
  const request = await logRequest(page, {
    requester: { name: 'Zhang Wei', relationship: 'spouse', contact: 'zhang@example.cn', language: 'en' },
    rights: ['view'],
    categories: ['name'],
  })
  await page.goto(`/kin-requests/${String(request.id)}`)
  const ask = page.getByRole('button', { name: 'Ask for more information' })
  const dialog = page.getByRole('dialog', { name: 'Ask the requester for more information' })
  // By keyboard: focus goes in, stays in, and Escape hands it back to the button.
  await expectDialogTakesKeyboard(page, ask, dialog)
  await ask.click()
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Please send proof of marriage.')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText(/Waiting for the requester since .*: the clock is paused\./)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Platform-held account data', exact: true })).toContainText('Paused — 15 days left')
  // Five days pass: still 15 days left while paused.
  await mock.setClock({ advanceMs: 5 * 24 * 3_600_000 })
  await page.goto('/kin-requests?deadline=paused')
  await expect(page.getByRole('row', { name: new RegExp(DECEASED.name) })).toContainText('Paused — 15 days left')
  await page.getByRole('link', { name: `Open request of ${DECEASED.name}` }).click()
  await page.getByRole('button', { name: 'Information received' }).click()
  const answer = page.getByRole('dialog', { name: 'Record the requester’s answer' })
  await answer.getByRole('textbox', { name: 'Note' }).fill('Marriage certificate received.')
  await answer.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('region', { name: 'Platform-held account data', exact: true })).toContainText('15 days left')
  const history = page.getByRole('region', { name: 'History' })
  await expect(history).toContainText('More information asked for (clock paused) — 李雷: Please send proof of marriage.')
  await expect(history).toContainText('Information received (clock running) — 李雷: Marriage certificate received.')
  if (testInfo.project.name === 'chromium') await page.screenshot({ path: 'docs/screenshots/kin-case.png', fullPage: true })
})

test('the administrator sets the reply deadline; days left, due soon and overdue follow the clock in working days, on the inbox, the case and the overview', async ({ page, loginAs, mock, expectAccessible }) => {
  await loginAs('admin-acme', INBOX)
  const settings = page.getByRole('region', { name: 'Reply deadline' })
  await expect(settings).toContainText('Requests are answered within 15 calendar days from receipt.')
  const days = settings.getByRole('spinbutton', { name: 'Days' })
  // Out of range is refused with a message, not silently changed.
  await days.fill('31')
  await settings.getByRole('button', { name: 'Save deadline' }).click()
  await expect(settings.getByRole('alert')).toHaveText('Enter a whole number of days from 7 to 30.')
  await expect(days).toHaveAttribute('aria-invalid', 'true')
  await expect(days).toHaveValue('31')
  await expectAccessible('inbox with the deadline setting refused')
  await days.fill('7')
  await settings.getByRole('group', { name: 'Count' }).getByRole('radio', { name: 'Working days (Monday–Friday)' }).check()
  await settings.getByRole('button', { name: 'Save deadline' }).click()
  await expect(settings).toContainText('Requests are answered within 7 working days from receipt.')

  // Received on Friday 20 November: seven working days later is Tuesday 1 December, 11 calendar days away.
  const request = await logRequest(page, {
    requester: { name: 'Zhang Wei', relationship: 'parent', contact: 'zhang@example.cn', language: 'en' },
    rights: ['view'],
    categories: ['name', 'position'],
  })
  await page.reload()
  const row = page.getByRole('row', { name: new RegExp(DECEASED.name) })
  await expect(row).toContainText('11 days left')
  await mock.setClock({ advanceMs: 8 * 24 * 3_600_000 })
  await page.reload()
  await expect(row).toContainText('Due soon: 3 days left')
  await mock.setClock({ advanceMs: 4 * 24 * 3_600_000 })
  await page.goto(`${INBOX}?deadline=overdue`)
  await expect(row).toContainText('Overdue by 1 day')
  // Both parts are late: the platform's and the enterprise's.
  await page.getByRole('link', { name: `Open request of ${DECEASED.name}` }).click()
  await expect(page.getByRole('region', { name: 'Platform-held account data', exact: true })).toContainText('Overdue by 1 day')
  await expect(page.getByRole('region', { name: 'Enterprise-held data', exact: true })).toContainText('Overdue by 1 day')
  await page.goto('/tenants/t-acme')
  await page.getByRole('link', { name: '1 next-of-kin request is overdue' }).click()
  await expect(page).toHaveURL(/kin-requests\?deadline=overdue$/)
  await expect(page.getByRole('link', { name: `Open request of ${DECEASED.name}` })).toHaveAttribute('href', new RegExp(String(request.id)))
})

test('a decision and a fulfilment that fail midway leave nothing behind; the retry completes each once, and the deleted chats leave the member and the retention figures', async ({ page, context, browser, loginAs, mock }) => {
  test.setTimeout(90_000)
  await loginAs('admin-acme', '/tenants/t-acme/retention')
  const retention = new RetentionPage(page)
  /** The chat messages stored now, as the impact of a shorter period counts them (the dialog is then cancelled). */
  const storedChats = async () => {
    await retention.setPeriod('chat', '2', 'Years')
    await retention.save('chat')
    await expect(retention.impactDialog()).toBeVisible()
    const stored = await retention.stored()
    await retention.impactDialog().getByRole('button', { name: 'Cancel' }).click()
    await expect(retention.impactDialog()).toBeHidden()
    return stored
  }
  const before = await storedChats()
  const agent = await secondUser(context, browser, 'support-agent')
  const id = await verifiedRequest(agent.tab, DECEASED.id, { rights: ['correct', 'delete'], categories: ['landline', 'chat_messages'], corrections: [{ field: 'landline', after: '021-60000000' }] })
  await agent.close()
  await page.goto(`${INBOX}/${id}`)
  const panel = page.getByRole('region', { name: 'Decide your part — Enterprise-held data' })
  await panel.getByRole('button', { name: 'Approve all' }).click()
  await panel.getByRole('radiogroup', { name: 'Delete: Landline' }).getByRole('radio', { name: 'Refuse' }).check()
  await selectOption(page, panel.getByRole('combobox', { name: 'Ground for refusing to Delete Landline' }), 'The data is no longer held')

  await mock.fault({ path: `/jobs/kin/${id}/decisions` })
  await panel.getByRole('button', { name: 'Save decision' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'nothing was changed' })).toBeVisible()
  // Nothing was decided, and the choices are still there to try again.
  await expect(page.getByRole('region', { name: 'Enterprise-held data', exact: true })).not.toContainText('Approved')
  await expect(panel.getByRole('radiogroup', { name: 'Delete: Chat messages' }).getByRole('radio', { name: 'Approve' })).toBeChecked()
  await panel.getByRole('button', { name: 'Save decision' }).click()
  const enterprise = page.getByRole('region', { name: 'Enterprise-held data', exact: true })
  await expect(enterprise).toContainText('Delete: Chat messages — Approved')

  await mock.fault({ path: `/jobs/kin/${id}/fulfilment` })
  await page.getByRole('button', { name: 'Carry out' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'nothing was changed' })).toBeVisible()
  await expect(enterprise).not.toContainText('Corrected')
  await page.goto(`/tenants/t-acme/members/${DECEASED.id}`)
  await expect(page.getByRole('heading', { level: 1, name: DECEASED.name })).toBeVisible()
  await expect(page.getByText('021-60000000')).toHaveCount(0)
  await page.goto(`${INBOX}/${id}`)
  await expect(page.getByRole('heading', { level: 1, name: `Request about ${DECEASED.name}` })).toBeVisible()
  // Its answer lost on the way back: the step did happen, and the page says so once it has read the case again.
  await mock.fault({ method: 'POST', path: `/api/v1/kin-requests/${id}/fulfilment`, phase: 'after', networkError: true })
  await page.getByRole('button', { name: 'Carry out' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'The server could not be reached' })).toBeVisible()
  await expect(enterprise).toContainText('Deleted: Chat messages')
  await expect(enterprise).toContainText('→ 021-60000000')
  await expect(page.getByRole('button', { name: 'Carry out' })).toHaveCount(0)
  const history = page.getByRole('region', { name: 'History' })
  await expect(history.getByText(/Decided \(Enterprise\)/)).toHaveCount(1)
  await expect(history.getByText(/Carried out \(Enterprise\)/)).toHaveCount(1)

  await page.goto(`/tenants/t-acme/members/${DECEASED.id}`)
  await expect(page.getByText('021-60000000')).toBeVisible()
  const holdings = page.getByRole('heading', { name: 'Data the member holds' }).locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-card ")][1]')
  await expect(holdings).toContainText(/Chat messages\s*0\s*Chat files/)
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Changed by a next-of-kin request')
  await retention.goto()
  expect(await storedChats()).toBeLessThan(before)
})

test('in Chinese: the inbox with its deadline setting, intake, the case and its dialog, each without axe violations', async ({ page, loginAs, expectAccessible }, testInfo) => {
  test.setTimeout(90_000)
  await page.evaluate(() => localStorage.setItem('tdgc.language', 'zh-CN'))
  await loginAs('admin-acme', INBOX)
  await logRequest(page, {
    requester: { name: '张伟', relationship: 'child', contact: 'zhang.wei@example.cn', language: 'zh' },
    rights: ['view', 'copy'],
    categories: ['name', 'position', 'approvals'],
    interest: '办理遗产继承',
  })
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: '近亲属请求' })).toBeVisible()
  await expect(page.getByRole('region', { name: '答复期限' })).toContainText('请求须在收到之日起 15 个自然日内答复。')
  await expect(page.getByRole('row', { name: new RegExp(DECEASED.name) })).toContainText('剩余 15 天')
  await expectAccessible('inbox (zh)')
  if (testInfo.project.name === 'chromium') await page.screenshot({ path: 'docs/screenshots/kin-inbox-zh.png', fullPage: true })

  await page.getByRole('link', { name: `打开关于${DECEASED.name}的请求` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `关于${DECEASED.name}的请求` })).toBeVisible()
  await expectAccessible('case (zh)')
  const ask = page.getByRole('button', { name: '要求补充材料' })
  const dialog = page.getByRole('dialog', { name: '要求请求人补充材料' })
  await expectDialogTakesKeyboard(page, ask, dialog)
  await ask.click()
  await expect(dialog).toBeVisible()
  await expectAccessible('ask for more information (zh)')
  await dialog.getByRole('button', { name: '取 消' }).or(dialog.getByRole('button', { name: '取消' })).click()
  await expect(dialog).toBeHidden()
  await expect(ask).toBeFocused()

  await page.goto(`${INBOX}/new`)
  await expect(page.getByRole('heading', { level: 1, name: '登记近亲属请求' })).toBeVisible()
  await expectAccessible('intake (zh)')
  if (testInfo.project.name === 'chromium') await page.screenshot({ path: 'docs/screenshots/kin-intake-zh.png', fullPage: true })
})

test('an open request keeps a removed member’s data past the removal date; the member’s page says so and leads to the request', async ({ page, loginAs, mock }) => {
  await loginAs('admin-acme', INBOX)
  const request = await logRequest(page, {
    requester: { name: 'Zhang Wei', relationship: 'spouse', contact: 'zhang@example.cn', language: 'en' },
    rights: ['copy'],
    categories: ['position', 'files'],
  })
  await call(page, 'POST', `/api/v1/tenants/t-acme/members/${DECEASED.id}/removal`, { handoverToMemberId: null, dataHandling: 'delete', graceDays: 1, reason: '成员已故' })
  await mock.setClock({ advanceMs: 2 * 24 * 3_600_000 })
  await page.goto(`/tenants/t-acme/members/${DECEASED.id}`)
  await expect(page.getByText('The date has passed, but an open next-of-kin request about this member keeps the data.', { exact: false })).toBeVisible()
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Kept for an open next-of-kin request')
  await page.getByRole('link', { name: 'Open the next-of-kin request' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Request about ${DECEASED.name}` })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`${String(request.id)}$`))
})
