// Pieces of the small settings forms: a whole number of days within bounds, labelled, with its range said below it
// and, once the form was tried with a value out of range, the message in its place (never silently changed to fit);
// and the save button with what went wrong under it.
import { Button, InputNumber, Typography } from 'antd'
import { ErrorAlert } from './ErrorAlert'

export const validDays = (value: number | null, bounds: { min: number; max: number }): value is number =>
  value !== null && Number.isInteger(value) && value >= bounds.min && value <= bounds.max

export function DaysField(props: { id: string; label: string; value: number | null; onChange: (value: number | null) => void; invalid: boolean; hint: string; error: string }) {
  const { id, label, value, onChange, invalid, hint, error } = props
  return (
    <div>
      <label htmlFor={id} style={{ display: 'block', fontSize: 14, fontWeight: 600, marginBottom: 4 }}>
        {label}
      </label>
      <InputNumber
        id={id}
        value={value}
        onChange={onChange}
        controls={false}
        status={invalid ? 'error' : undefined}
        aria-invalid={invalid}
        aria-describedby={`${id}-note`}
        style={{ width: 120 }}
      />
      {invalid ? (
        <Typography.Text id={`${id}-note`} type="danger" role="alert" style={{ display: 'block' }}>
          {error}
        </Typography.Text>
      ) : (
        <Typography.Text id={`${id}-note`} type="secondary" style={{ display: 'block' }}>
          {hint}
        </Typography.Text>
      )}
    </div>
  )
}

export function SaveSettings(props: { label: string; changed: boolean; pending: boolean; error: unknown; onSave: () => void }) {
  return (
    <>
      <Button type="primary" style={{ marginTop: 12 }} disabled={!props.changed} loading={props.pending} onClick={props.onSave}>
        {props.label}
      </Button>
      {props.error ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={props.error} />
        </div>
      ) : null}
    </>
  )
}
