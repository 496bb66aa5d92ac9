// The apps capability's lazy route: the catalogue page with its drawer and dialogs.
import './i18n'
import { AppsPage } from './components/AppsPage'

export function Component() {
  return <AppsPage />
}
