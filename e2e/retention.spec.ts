// Retention journeys: shorten with preview, chart and typed confirmation, grace countdown and cancel; keep forever;
// legal holds lowering the preview; the run after the grace period; two editors at once; validation in the
// browser and in the API; failures on save; read-only support; axe in both languages.
import type { Page } from '@playwright/test'
import { selectOption } from './pages/select-option'
import { test, expect } from './fixtures'
import { RetentionPage } from './pages/retention'

const acme = '杭州示例贸易有限公司'
const DAY_MS = 86_400_000

/** Every retention write or preview the page sends (the mock answers in the page, so page requests are the API calls). */
function recordWrites(page: Page): string[] {
  const sent: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (request.method() !== 'GET' && url.pathname.includes('/retention')) sent.push(`${request.method()} ${url.pathname}`)
  })
  return sent
}

test.describe('retention', () => {
  test('shorten chat retention: preview and chart, typed confirmation, grace countdown, cancel', async ({ page, loginAs }) => {
    await loginAs('admin-acme', '/tenants/t-acme/retention')
    const retention = new RetentionPage(page)
    await expect(retention.heading()).toBeVisible()
    await expect(retention.policy('chat').getByText('3 years', { exact: true })).toBeVisible()

    await retention.setPeriod('chat', '90', 'Days')
    await retention.save('chat')
    const dialog = retention.impactDialog()
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('img', { name: /Stored messages by age/ })).toBeVisible()
    await expect(dialog.getByText(/older than the cut-off and would be deleted/)).toBeVisible()
    expect(await retention.toDelete()).toBeGreaterThan(10_000)
    const confirm = dialog.getByRole('button', { name: 'Schedule deletion' })
    await dialog.getByRole('textbox', { name: /Type .* to confirm/ }).fill('wrong name')
    await confirm.click()
    await expect(dialog.getByText(/^Type exactly: /)).toBeVisible()
    await expect(retention.pending()).toHaveCount(0)
    await retention.confirmShorten(acme, 'Data minimisation', 7)
    await expect(dialog).toBeHidden()

    const pending = retention.pending()
    await expect(pending).toContainText('Chat messages: 3 years → 90 days')
    await expect(pending).toContainText('Deletion starts in 7 days')
    await expect(pending.getByText('Days left in the grace period')).toBeVisible()
    await expect(pending.getByText('7', { exact: true })).toBeVisible()
    await expect(retention.policy('chat').getByText('3 years', { exact: true })).toBeVisible()
    await expect(retention.history()).toContainText('Scheduled')

    await pending.getByRole('button', { name: 'Cancel scheduled deletion' }).click()
    const cancelDialog = page.getByRole('dialog', { name: 'Cancel the scheduled deletion?' })
    await cancelDialog.getByRole('button', { name: 'Cancel scheduled deletion' }).click()
    await expect(retention.pending()).toHaveCount(0)
    await expect(retention.history()).toContainText('Cancelled')
    await expect(retention.policy('chat').getByText('3 years', { exact: true })).toBeVisible()
  })

  test('set files to keep forever: applies at once with a simple confirm', async ({ page, loginAs }) => {
    await loginAs('admin-acme', '/tenants/t-acme/retention')
    const retention = new RetentionPage(page)
    await expect(retention.policy('files').getByText('5 years', { exact: true })).toBeVisible()
    await retention.keepForever('files')
    await retention.save('files')
    const dialog = retention.lengthenDialog()
    await expect(dialog).toContainText('Nothing is deleted')
    await dialog.getByRole('button', { name: 'Apply now' }).click()
    await expect(dialog).toBeHidden()
    await expect(retention.policy('files').getByText('Forever', { exact: true })).toBeVisible()
    await expect(retention.pending()).toHaveCount(0)
    await expect(retention.history()).toContainText('Applied at once')
  })

  test('a legal hold lowers what the preview would delete and says how much is held', async ({ page, loginAs }) => {
    await loginAs('admin-acme', '/tenants/t-acme/retention')
    const retention = new RetentionPage(page)
    await retention.setPeriod('chat', '90', 'Days')
    await retention.save('chat')
    await expect(retention.impactDialog()).toBeVisible()
    const before = await retention.toDelete()
    expect(await retention.held()).toBe(0)
    await retention.impactDialog().getByRole('button', { name: 'Cancel' }).click()
    await expect(retention.impactDialog()).toBeHidden()

    await retention.placeGroupHold('全员群', '劳动仲裁案件证据保全')
    await expect(retention.holds().getByRole('row', { name: /全员群/ })).toContainText('In force')

    await retention.save('chat')
    await expect(retention.impactDialog()).toBeVisible()
    const after = await retention.toDelete()
    const held = await retention.held()
    expect(after).toBeLessThan(before)
    expect(held).toBeGreaterThan(0)
    expect(after + held).toBe(before)
  })

  test('the mock clock passing the grace period runs the deletion, and the numbers on screen change', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', '/tenants/t-acme/retention')
    const retention = new RetentionPage(page)
    await retention.setPeriod('chat', '90', 'Days')
    await retention.save('chat')
    const toDelete = await retention.toDelete()
    await retention.confirmShorten(acme, 'Data minimisation')
    await expect(retention.pending()).toBeVisible()

    await mock.setClock({ advanceMs: 7 * DAY_MS + 60_000 })
    await page.reload()
    await expect(retention.heading()).toBeVisible()
    await expect(retention.policy('chat').getByText('90 days', { exact: true })).toBeVisible()
    await expect(retention.pending()).toHaveCount(0)
    const lastRun = retention.policy('chat').getByText(/messages deleted/)
    await expect(lastRun).toBeVisible()
    const deleted = Number(((await lastRun.innerText()).match(/[\d,]+/)?.[0] ?? '').replace(/,/g, ''))
    // The run at the end of the grace period deletes what the preview showed, plus the week that aged past the cut-off since.
    expect(deleted).toBeGreaterThan(toDelete * 0.95)
    expect(deleted).toBeLessThan(toDelete * 1.05)
    await expect(retention.runs().getByRole('row').nth(1)).toContainText(deleted.toLocaleString('en-US'))
    await expect(retention.history()).toContainText('Took effect')

    // Nothing is left past the policy: the preview of the same policy deletes nothing now.
    await retention.setPeriod('chat', '60', 'Days')
    await retention.save('chat')
    expect(await retention.toDelete()).toBeLessThan(toDelete / 10)
    await retention.impactDialog().getByRole('button', { name: 'Cancel' }).click()

    // The control API's run-now works too and adds a run.
    const newest = await retention.runs().getByRole('row').nth(1).innerText()
    expect(await retention.runNow()).toBe(200)
    await page.reload()
    await expect(retention.runs().getByRole('row').nth(1)).not.toHaveText(newest)
  })

  test('a deletion run that fails says so at the top, deleted nothing, and the retry after the wait completes it', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', '/tenants/t-acme/retention')
    const retention = new RetentionPage(page)
    await expect(retention.heading()).toBeVisible()
    // Deleting the data fails once (the file store is unreachable, say); a day passes, so a daily run is due.
    await mock.fault({ path: '/jobs/retention-run/t-acme' })
    await mock.setClock({ advanceMs: DAY_MS })
    await page.reload()
    const failure = page.getByRole('alert').filter({ hasText: 'The last deletion run failed' })
    await expect(failure).toContainText('nothing was deleted')
    await expect(retention.runs().getByRole('row').nth(1)).toContainText(/Failed.*Retry at/)
    await expect(retention.policy('chat').getByText(/Failed, nothing deleted/)).toBeVisible()

    await mock.setClock({ advanceMs: 2 * 60_000 })
    await page.reload()
    await expect(retention.runs().getByRole('row').nth(1)).toContainText('Completed')
    await expect(failure).toHaveCount(0)
    await expect(retention.runs()).toContainText(/Failed.*Retry at/)
  })

  test('two pages editing at once: the second save gets the conflict screen and can reapply', async ({ page, loginAs, context }) => {
    // The mock keeps its state in the context's IndexedDB, so two pages of ONE context share it (each signed in
    // on its own: sessions are per tab); a tab re-reads what another committed, as a second admin's tab would.
    await loginAs('admin-acme', '/tenants/t-acme/retention')
    const first = new RetentionPage(page)
    const second = await RetentionPage.inNewTab(context)

    await first.keepForever('files')
    await first.save('files')
    await first.applyNow()
    await expect(first.policy('files').getByText('Forever', { exact: true })).toBeVisible()

    // The second page still shows the old version and edits chat on top of it.
    await expect(second.policy('files').getByText('5 years', { exact: true })).toBeVisible()
    await second.setPeriod('chat', '5')
    await second.save('chat')
    await second.applyNow()
    const conflict = second.conflictDialog()
    await expect(conflict).toBeVisible()
    await expect(conflict).toContainText('王芳 saved a newer version')
    await expect(conflict).toContainText('Their version')
    await expect(conflict).toContainText('Forever')
    await expect(conflict).toContainText('Your change')
    await conflict.getByRole('button', { name: 'Reapply my change' }).click()
    await expect(conflict).toBeHidden()
    await expect(second.policy('chat').getByText('5 years', { exact: true })).toBeVisible()
    // Nothing was overwritten: the first admin's change survived the second save.
    await expect(second.policy('files').getByText('Forever', { exact: true })).toBeVisible()
    await second.page.close()
  })

  test('discarding on conflict shows their version in the form', async ({ page, loginAs, context }) => {
    await loginAs('admin-acme', '/tenants/t-acme/retention')
    const first = new RetentionPage(page)
    const second = await RetentionPage.inNewTab(context)
    await first.setPeriod('chat', '4')
    await first.save('chat')
    await first.applyNow()
    await expect(first.policy('chat').getByText('4 years', { exact: true })).toBeVisible()

    await second.setPeriod('chat', '6')
    await second.save('chat')
    await second.applyNow()
    await second.conflictDialog().getByRole('button', { name: 'Discard mine' }).click()
    await expect(second.policy('chat').getByText('4 years', { exact: true })).toBeVisible()
    await expect(second.valueBox('chat')).toHaveValue('4')
    await second.page.close()
  })

  test('each invalid input is refused next to the field and nothing is sent', async ({ page, loginAs }) => {
    await loginAs('admin-acme', '/tenants/t-acme/retention')
    const retention = new RetentionPage(page)
    await expect(retention.heading()).toBeVisible()
    const sent = recordWrites(page)
    const cases: Array<[string, 'Days' | 'Months' | 'Years', string]> = [
      ['', 'Days', 'Required.'],
      ['abc', 'Days', 'Enter a whole number.'],
      ['1.5', 'Days', 'Enter a whole number.'],
      ['0', 'Days', 'Must be at least 1.'],
      ['-3', 'Months', 'Must be at least 1.'],
      ['36501', 'Days', 'Must be at most 36500.'],
      ['101', 'Years', 'Must be at most 100.'],
    ]
    for (const [typed, unit, message] of cases) {
      await retention.setPeriod('chat', typed, unit)
      await retention.save('chat')
      await expect(retention.policy('chat').getByText(message, { exact: true })).toBeVisible()
      await expect(page.getByRole('dialog')).toHaveCount(0)
    }
    expect(sent).toEqual([])
  })

  test('the API refuses the same inputs with problem+json', async ({ page, loginAs }) => {
    await loginAs('admin-acme', '/tenants/t-acme/retention')
    const results = await page.evaluate(async () => {
      const url = '/api/v1/tenants/t-acme/retention'
      const etag = (await fetch(url)).headers.get('ETag') ?? ''
      const bodies: unknown[] = [
        { mode: 'period', unit: 'days' },
        { mode: 'period', value: 'abc', unit: 'days' },
        { mode: 'period', value: 1.5, unit: 'days' },
        { mode: 'period', value: 0, unit: 'days' },
        { mode: 'period', value: -3, unit: 'months' },
        { mode: 'period', value: 36501, unit: 'days' },
        { mode: 'period', value: 101, unit: 'years' },
      ]
      const out: Array<{ status: number; type: string | null; errors: string[] }> = []
      for (const chat of bodies) {
        const response = await fetch(url, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'If-Match': etag },
          body: JSON.stringify({ chat, files: { mode: 'forever' } }),
        })
        const problem = (await response.json()) as { errors?: Array<{ field: string; code: string }> }
        out.push({
          status: response.status,
          type: response.headers.get('Content-Type'),
          errors: (problem.errors ?? []).map((e) => `${e.field}:${e.code}`),
        })
      }
      return out
    })
    expect(results.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400])
    expect(results.every((r) => r.type === 'application/problem+json')).toBe(true)
    expect(results.map((r) => r.errors[0])).toEqual([
      'chat.value:required',
      'chat.value:not_integer',
      'chat.value:not_integer',
      'chat.value:too_small',
      'chat.value:too_small',
      'chat.value:too_large',
      'chat.value:too_large',
    ])
    // Nothing was saved.
    const retention = new RetentionPage(page)
    await page.reload()
    await expect(retention.policy('files').getByText('5 years', { exact: true })).toBeVisible()
  })

  for (const failure of ['server error', 'network drop'] as const) {
    test(`a ${failure} on save keeps the form, says so, and retry works`, async ({ page, loginAs, mock }) => {
      await loginAs('admin-acme', '/tenants/t-acme/retention')
      const retention = new RetentionPage(page)
      await retention.setPeriod('chat', '7', 'Years')
      await retention.save('chat')
      const dialog = retention.lengthenDialog()
      await expect(dialog).toBeVisible()
      await mock.fault({
        method: 'PUT',
        path: '/api/v1/tenants/t-acme/retention',
        ...(failure === 'server error' ? { status: 500 } : { networkError: true }),
        times: 1,
      })
      await dialog.getByRole('button', { name: 'Apply now' }).click()
      await expect(dialog.getByRole('alert')).toContainText(
        failure === 'server error' ? 'The server failed to complete the request' : 'The server could not be reached',
      )
      await expect(retention.valueBox('chat')).toHaveValue('7')
      await expect(retention.policy('chat').getByText('3 years', { exact: true })).toBeVisible()
      await dialog.getByRole('button', { name: 'Apply now' }).click()
      await expect(dialog).toBeHidden()
      await expect(retention.policy('chat').getByText('7 years', { exact: true })).toBeVisible()
    })
  }

  test('a read-only support agent sees everything and can change nothing; the API refuses too', async ({ page, loginAs }) => {
    await loginAs('support-agent', '/tenants/t-acme/retention')
    const retention = new RetentionPage(page)
    await expect(retention.policy('chat').getByText('3 years', { exact: true })).toBeVisible()
    await expect(retention.policy('chat').getByRole('button', { name: 'Save chat messages policy' })).toBeDisabled()
    await expect(retention.valueBox('chat')).toBeDisabled()
    await expect(retention.policy('chat')).toContainText('Your support access to this tenant is read-only.')
    await expect(retention.holds().getByRole('button', { name: 'Place a hold' })).toBeDisabled()
    await expect(retention.history()).toContainText('法务部建议')
    const status = await page.evaluate(async () => {
      const url = '/api/v1/tenants/t-acme/retention'
      const etag = (await fetch(url)).headers.get('ETag') ?? ''
      const response = await fetch(url, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': etag },
        body: JSON.stringify({ chat: { mode: 'forever' }, files: { mode: 'forever' } }),
      })
      return response.status
    })
    expect(status).toBe(403)
  })

  for (const language of ['en-US', 'zh-CN'] as const) {
    test(`no serious axe violations on the page and its dialogs (${language})`, async ({ page, loginAs, expectAccessible }) => {
      // Six full-page axe scans on a two-core machine need more than the default 30 s.
      test.setTimeout(90_000)
      await page.evaluate((lang) => localStorage.setItem('tdgc.language', lang), language)
      await loginAs('admin-acme', '/tenants/t-acme/retention')
      const retention = new RetentionPage(page)
      await expect(retention.heading()).toBeVisible()
      await expect(retention.history().getByRole('row').nth(1)).toBeVisible()
      await expectAccessible(`retention page (${language})`)

      await retention.setPeriod('chat', '90', language === 'en-US' ? 'Days' : undefined)
      if (language === 'zh-CN') {
        await selectOption(page, retention.policy('chat').getByRole('combobox', { name: '单位' }), '天')
      }
      await retention.save('chat')
      await expect(retention.impactDialog()).toBeVisible()
      await page.mouse.move(0, 0)
      await expectAccessible(`impact dialog (${language})`)
      await retention.confirmShorten(acme, '数据最小化')
      await expect(retention.pending()).toBeVisible()
      await expectAccessible(`page with a scheduled change (${language})`)

      await retention.holds().getByRole('button', { name: /Place a hold|设置保全/ }).click()
      const holdDialog = page.getByRole('dialog', { name: /Place a legal hold|设置法律保全/ })
      await expect(holdDialog.getByRole('radiogroup', { name: /^(Hold|保全对象类型)$/ })).toBeVisible()
      await holdDialog.getByRole('combobox', { name: /^(Member|成员)$/ }).fill('王')
      await expect(page.getByTitle(/^王芳 ·/).last()).toBeVisible()
      await expectAccessible(`place-hold dialog (${language})`)
      // A member found by the server-side search can be held, too.
      await selectOption(page, holdDialog.getByRole('combobox', { name: /^(Member|成员)$/ }), /^王芳 ·/, '王')
      await holdDialog.getByRole('textbox', { name: /Reason|原因/ }).fill('内部调查')
      await holdDialog.getByRole('button', { name: /^(Place hold|设置保全)$/ }).click()
      await expect(holdDialog).toBeHidden()
      await expect(retention.holds().getByRole('row', { name: /王芳/ })).toBeVisible()
      await expectAccessible(`page with a legal hold (${language})`)

      await retention.keepForever('files')
      await retention.save('files')
      await expect(retention.lengthenDialog()).toBeVisible()
      // The pointer is left where Save was, which can be over the dialog's button: a hover colour is not what we audit.
      await page.mouse.move(0, 0)
      await expectAccessible(`lengthen dialog (${language})`)
    })
  }

  test('the conflict dialog has no serious axe violations', async ({ page, loginAs, context, expectAccessible }) => {
    await loginAs('admin-acme', '/tenants/t-acme/retention')
    const first = new RetentionPage(page)
    const second = await RetentionPage.inNewTab(context)
    await first.keepForever('files')
    await first.save('files')
    await first.applyNow()
    await expect(first.policy('files').getByText('Forever', { exact: true })).toBeVisible()
    await second.setPeriod('chat', '5')
    await second.save('chat')
    await second.applyNow()
    await expect(second.conflictDialog()).toBeVisible()
    await expectAccessible('conflict dialog', second.page)
    await second.page.close()
  })
})
