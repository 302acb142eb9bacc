import { Modal } from '../../../components/Modal';
import { useRemoveContact } from '../../../queries/contactChanges';
import type { Contact } from '../../../queries/contacts';
import type { ProfileId } from '../../../queries/keys';
import { RemoveOne } from './RemoveOne';
import './manage.css';

/** The detail screen's "Remove from account": this contact, confirmed by typing its number. */
export function RemoveContactDialog(props: {
  contact: Contact;
  profileId: ProfileId;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const removal = useRemoveContact(props.profileId);
  return (
    <Modal
      title="Remove from account"
      busy={removal.isPending}
      className="manage-dialog"
      onClose={props.onClose}
    >
      {(close) => (
        <RemoveOne
          contact={props.contact}
          profileId={props.profileId}
          removal={removal}
          onCancel={close}
          onRemoved={() => {
            close();
            props.onRemoved();
          }}
        />
      )}
    </Modal>
  );
}
