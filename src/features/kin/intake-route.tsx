// Intake of a next-of-kin request: the lazy route.
import './i18n'
import { KinIntake } from './components/KinIntake'

export function Component() {
  return <KinIntake />
}
