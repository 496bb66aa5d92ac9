import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Button, Form, Input } from 'antd'
import { useFormDraft } from './use-form-draft'

function ReasonForm() {
  const [form] = Form.useForm<{ reason: string }>()
  const draft = useFormDraft(form, 'test-reason')
  return (
    <Form form={form} onValuesChange={draft.onValuesChange}>
      <Form.Item name="reason" label="Reason">
        <Input />
      </Form.Item>
      <Button onClick={draft.clear}>Discard</Button>
    </Form>
  )
}

describe('useFormDraft', () => {
  it('brings typed input back after the form was unmounted (e.g. a trip to sign-in)', async () => {
    const user = userEvent.setup()
    const first = render(<ReasonForm />)
    await user.type(screen.getByLabelText('Reason'), 'vendor breach')
    first.unmount()
    render(<ReasonForm />)
    expect(screen.getByLabelText('Reason')).toHaveValue('vendor breach')
  })

  it('forgets the draft once cleared', async () => {
    const user = userEvent.setup()
    const first = render(<ReasonForm />)
    await user.type(screen.getByLabelText('Reason'), 'x')
    await user.click(screen.getByRole('button', { name: 'Discard' }))
    first.unmount()
    render(<ReasonForm />)
    expect(screen.getByLabelText('Reason')).toHaveValue('')
  })
})
