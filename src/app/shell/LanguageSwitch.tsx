// Switches between 简体中文 and English at run time; the choice is remembered in this browser.
import { useRef } from 'react'
import { Button, Dropdown } from 'antd'
import { GlobalOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { currentLanguage, setLanguage, type Language } from '@/shared/i18n/i18n'
import { returnFocusTo } from '@/shared/ui/focus-wrap'

const names: Record<Language, string> = { 'zh-CN': '简体中文', 'en-US': 'English' }

export function LanguageSwitch() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const trigger = useRef<HTMLButtonElement>(null)
  return (
    <Dropdown
      trigger={['click']}
      // Opened by keyboard, the menu takes focus so the arrow keys move through it; closing it hands focus back.
      autoFocus
      onOpenChange={(open) => {
        if (!open) returnFocusTo(trigger.current)
      }}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: (Object.keys(names) as Language[]).map((key) => ({ key, label: <span lang={key}>{names[key]}</span> })),
        onClick: ({ key }) => void setLanguage(key as Language),
      }}
    >
      <Button ref={trigger} type="text" icon={<GlobalOutlined aria-hidden />} aria-label={`${t('shell.language')}: ${names[language]}`}>
        <span lang={language}>{names[language]}</span>
      </Button>
    </Dropdown>
  )
}
