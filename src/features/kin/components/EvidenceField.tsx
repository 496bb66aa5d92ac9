// One evidence file chooser: a labelled native file input (keyboard and screen readers know it), checked at once for
// size and type by content — the server checks again — with the problem said next to it.
import { useId, useState } from 'react'
import { Button, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { MAX_EVIDENCE_BYTES, sniffEvidence, type KinEvidenceKind } from '../api'

export function EvidenceField({ kind, file, onChange }: { kind: KinEvidenceKind; file: File | null; onChange: (file: File | null) => void }) {
  const { t } = useTranslation('kin')
  const id = useId()
  const [error, setError] = useState<string | null>(null)
  const [inputKey, setInputKey] = useState(0)
  const shown = error
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return
    const problem =
      chosen.size === 0
        ? t('intake.empty', { file: chosen.name })
        : chosen.size > MAX_EVIDENCE_BYTES
          ? t('intake.tooLarge', { file: chosen.name })
          : (await sniffEvidence(chosen)) === null
            ? t('intake.wrongType', { file: chosen.name })
            : null
    setError(problem)
    onChange(problem ? null : chosen)
    if (problem) setInputKey((value) => value + 1)
  }
  return (
    <div style={{ marginBottom: 12 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {t(`evidenceKind.${kind}`)}
      </label>
      <Flex gap="small" align="center" wrap>
        <input
          key={inputKey}
          id={id}
          type="file"
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          aria-describedby={shown ? `${id}-error` : undefined}
          aria-invalid={shown ? true : undefined}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
        {file ? (
          <Button
            size="small"
            onClick={() => {
              onChange(null)
              setInputKey((value) => value + 1)
            }}
          >
            {t('intake.remove', { file: file.name })}
          </Button>
        ) : null}
      </Flex>
      {shown ? (
        <Typography.Text id={`${id}-error`} type="danger" role="alert">
          {shown}
        </Typography.Text>
      ) : null}
    </div>
  )
}
