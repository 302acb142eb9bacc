import {
  type RowSelectionState,
  rowSelectionFeature,
  type TableOptions,
  type Updater,
} from '@tanstack/react-table';
import { type ReactNode, useId, useMemo, useRef, useState } from 'react';
import type { Contact } from '../../../queries/contacts';
import type { ProfileId } from '../../../queries/keys';
import { type ContactTableFeatures, column, contactColumns } from '../columns';
import { displayNumber } from '../format';
import { MaskedNumber } from '../MaskedNumber';
import { BulkRemoveDialog } from './BulkRemoveDialog';
import { INHERITED_REASON } from './parts';
import './manage.css';

export interface SelectableTableProps {
  /** The page's rows. */
  contacts: Contact[] | undefined;
  features: ContactTableFeatures;
  profileId: ProfileId;
  /** The table itself, with these features and options on top of its own. */
  render: (
    features: ContactTableFeatures,
    options?: Partial<TableOptions<ContactTableFeatures, Contact>>,
  ) => ReactNode;
}

const withSelection = new WeakMap<ContactTableFeatures, ContactTableFeatures>();
function featuresWithSelection(features: ContactTableFeatures): ContactTableFeatures {
  const known = withSelection.get(features);
  if (known) return known;
  const added = { ...features, rowSelectionFeature };
  withSelection.set(features, added);
  return added;
}

/** Checkboxes: native, so Space toggles and Shift-click selects a range; inherited rows say why they cannot. */
function selectColumn(reasonId: string) {
  return column.display({
    id: 'select',
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select all on this page"
        checked={table.getIsAllPageRowsSelected()}
        ref={(box) => {
          if (box) box.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => {
      const selectable = row.getCanSelect();
      return (
        // biome-ignore lint/a11y/useKeyWithClickEvents: only stops the row's own click (opening the contact); the checkbox inside takes the keys
        <label
          className="select-cell"
          title={selectable ? undefined : INHERITED_REASON}
          onClick={(event) => event.stopPropagation()}
        >
          <input
            type="checkbox"
            checked={row.getIsSelected()}
            disabled={!selectable}
            aria-describedby={selectable ? undefined : reasonId}
            onChange={row.getToggleSelectedHandler()}
          />
          <span className="sr-only">
            Select{' '}
            <MaskedNumber value={displayNumber(row.original)} countryCode={row.original.country_code} />
          </span>
        </label>
      );
    },
  });
}

/**
 * The list with a selection column and the bar that removes what is selected. Selection is by contact id
 * and outlives paging (the bar says how many in all); contacts removed leave it, failed ones stay.
 */
export function SelectableTable({ contacts, features, profileId, render }: SelectableTableProps) {
  const reasonId = useId();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [removing, setRemoving] = useState<Contact[] | null>(null);
  // Selected contacts from earlier pages are not in this page's rows: remember every row seen.
  const seen = useRef(new Map<string, Contact>());
  for (const contact of contacts ?? []) if (contact.id) seen.current.set(contact.id, contact);
  const selected = Object.keys(selection).flatMap((id) => seen.current.get(id) ?? []);
  const count = selected.length;
  const columns = useMemo(() => [selectColumn(reasonId), ...contactColumns], [reasonId]);
  const inheritedHere = contacts?.some((contact) => contact.is_inherited);

  return (
    <>
      <div className="selection-bar">
        <p aria-live="polite">{count ? `${count} selected` : 'Select contacts to remove them.'}</p>
        <button
          type="button"
          className="btn btn-danger"
          disabled={!count}
          onClick={() => setRemoving(selected)}
        >
          Remove from account…
        </button>
        {count ? (
          <button type="button" className="btn btn-ghost" onClick={() => setSelection({})}>
            Clear selection
          </button>
        ) : null}
        {inheritedHere ? (
          <p id={reasonId} className="muted selection-note">
            Inherited contacts cannot be selected: only the organization can remove them.
          </p>
        ) : null}
      </div>
      {render(featuresWithSelection(features), {
        columns,
        state: { rowSelection: selection },
        onRowSelectionChange: (update: Updater<RowSelectionState>) =>
          setSelection((prev) => (typeof update === 'function' ? update(prev) : update)),
        enableRowSelection: (row) => !row.original.is_inherited,
      })}
      {removing ? (
        <BulkRemoveDialog
          contacts={removing}
          profileId={profileId}
          onClose={(removedIds) => {
            setRemoving(null);
            setSelection((prev) => {
              const next = { ...prev };
              for (const id of removedIds) delete next[id];
              return next;
            });
          }}
        />
      ) : null}
    </>
  );
}
