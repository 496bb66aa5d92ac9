// Every dialog of the apps page, whichever is open in the page's slot (its own chunk: AppsPage loads it lazily).
import { useOpenDialog, type DialogSlot } from '@/shared/ui/dialog-slot'
import type { App } from '../api'
import type { OpenDialog } from './AppsPage'
import { AvailabilityDialog } from './AvailabilityDialog'
import { EmergencyStopDialog, RestoreDialog } from './EmergencyDialogs'
import { DecideRequestDialog } from './DecideRequestDialog'
import { ApproveScopeUpdateDialog, DeclineScopeUpdateDialog, DisableAppDialog, EnableAppDialog, RegisterCustomAppDialog, RemoveAppDialog, VendorAnswerDialog, VendorDeletionDialog } from './AppActionDialogs'

/** Whichever dialog is open in the page's slot. */
export function AppDialogs({ slot, onRemoved, onRegistered }: { slot: DialogSlot<OpenDialog>; onRemoved: (app: App) => void; onRegistered: (app: App) => void }) {
  const dialog = useOpenDialog(slot)
  const close = slot.close
  return (
    <>
      {dialog?.kind === 'enable' && <EnableAppDialog app={dialog.app} onClose={close} />}
      {dialog?.kind === 'disable' && <DisableAppDialog app={dialog.app} onClose={close} />}
      {dialog?.kind === 'remove' && (
        <RemoveAppDialog
          app={dialog.app}
          onClose={close}
          onRemoved={() => {
            close()
            onRemoved(dialog.app)
          }}
        />
      )}
      {dialog?.kind === 'availability' && <AvailabilityDialog app={dialog.app} onClose={close} />}
      {dialog?.kind === 'approveUpdate' && <ApproveScopeUpdateDialog app={dialog.app} onClose={close} />}
      {dialog?.kind === 'declineUpdate' && <DeclineScopeUpdateDialog app={dialog.app} onClose={close} />}
      {dialog?.kind === 'emergency' && <EmergencyStopDialog onClose={close} />}
      {dialog?.kind === 'vendorDeletion' && <VendorDeletionDialog app={dialog.app} onClose={close} />}
      {dialog?.kind === 'vendorAnswer' && dialog.requestId !== undefined && <VendorAnswerDialog app={dialog.app} requestId={dialog.requestId} onClose={close} />}
      {dialog?.kind === 'register' && (
        <RegisterCustomAppDialog
          onClose={close}
          onRegistered={(app) => {
            close()
            onRegistered(app)
          }}
        />
      )}
      {dialog?.kind === 'restore' && <RestoreDialog stop={dialog.stop} onClose={close} />}
      {(dialog?.kind === 'approveRequest' || dialog?.kind === 'denyRequest') && (
        <DecideRequestDialog request={dialog.request} decision={dialog.kind === 'approveRequest' ? 'approve' : 'deny'} onClose={close} />
      )}
    </>
  )
}
