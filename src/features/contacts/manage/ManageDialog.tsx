// The list toolbar's dialogs, one lazy chunk (ManageActions loads it when the pointer or focus reaches a button).
import type { ProfileId } from '../../../queries/keys';
import { AddContactDialog } from './AddContactDialog';
import type { ContactNotice } from './notice';
import { RemoveByNumberDialog } from './RemoveByNumberDialog';
import './manage.css';

export type ManageDialogKind = 'add' | 'remove-number';

export function ManageDialog(props: {
  kind: ManageDialogKind;
  profileId: ProfileId;
  onClose: () => void;
  onOpen: (id: string, notice: ContactNotice) => void;
}) {
  return props.kind === 'add' ? <AddContactDialog {...props} /> : <RemoveByNumberDialog {...props} />;
}
