import { afterEach, describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Form, Input } from 'antd'
import { forgetKeptInput, keepInputForSignIn, useKeptForm } from './kept-input'

function ReasonForm({ keepAs = 'test.reason' }: { keepAs?: string }) {
  const [form] = Form.useForm<{ reason: string }>()
  useKeptForm(form, keepAs)
  return (
    <Form form={form}>
      <Form.Item name="reason" label="Reason">
        <Input />
      </Form.Item>
    </Form>
  )
}

const here = () => `${window.location.pathname}${window.location.search}${window.location.hash}`

describe('input kept across a trip to sign-in', () => {
  afterEach(() => forgetKeptInput())

  it('gives a form back what it held when the session ended, once', async () => {
    const user = userEvent.setup()
    const first = render(<ReasonForm />)
    await user.type(screen.getByLabelText('Reason'), 'vendor breach')
    keepInputForSignIn(here())
    first.unmount()
    const second = render(<ReasonForm />)
    expect(screen.getByLabelText('Reason')).toHaveValue('vendor breach')
    second.unmount()
    render(<ReasonForm />)
    expect(screen.getByLabelText('Reason')).toHaveValue('')
  })

  it('keeps nothing when nothing ended the session, and nothing for another page or after sign-out', async () => {
    const user = userEvent.setup()
    const typed = render(<ReasonForm />)
    await user.type(screen.getByLabelText('Reason'), 'not kept')
    typed.unmount()
    const plain = render(<ReasonForm />)
    expect(screen.getByLabelText('Reason')).toHaveValue('')

    await user.type(screen.getByLabelText('Reason'), 'for another page')
    keepInputForSignIn('/tenants/t-acme/somewhere-else')
    plain.unmount()
    const elsewhere = render(<ReasonForm />)
    expect(screen.getByLabelText('Reason')).toHaveValue('')

    await user.type(screen.getByLabelText('Reason'), 'signed out')
    keepInputForSignIn(here())
    forgetKeptInput()
    elsewhere.unmount()
    render(<ReasonForm />)
    expect(screen.getByLabelText('Reason')).toHaveValue('')
  })

  it('never gives one form’s input to another', async () => {
    const user = userEvent.setup()
    const first = render(<ReasonForm keepAs="confirm:Disable A" />)
    await user.type(screen.getByLabelText('Reason'), 'about A')
    keepInputForSignIn(here())
    first.unmount()
    render(<ReasonForm keepAs="confirm:Disable B" />)
    expect(screen.getByLabelText('Reason')).toHaveValue('')
  })
})
