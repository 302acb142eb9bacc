import {
  type columnVisibilityFeature,
  createColumnHelper,
  type rowSelectionFeature,
  tableFeatures,
} from '@tanstack/react-table';
import { Badge } from '../../components/Badge';
import { channelLabel } from '../../lib/channels';
import { regionName } from '../../lib/regions';
import type { Contact } from '../../queries/contacts';
import { ChannelChips } from './ChannelChips';
import { channelsOf, displayNumber } from './format';
import { LocalDate } from './LocalDate';
import { MaskedNumber } from './MaskedNumber';

// No feature is registered up front: the server pages, searches and filters, so neither client row models
// nor TanStack's pagination ship (the list's pager works from the URL and total_count). Column visibility is
// added at run time only while a column is hidden (./visibilityFeature), row selection only while "Select" is
// on (./manage/SelectableTable), each a lazy chunk; the types include both.
export type ContactTableFeatures = {
  columnVisibilityFeature: typeof columnVisibilityFeature;
  rowSelectionFeature: typeof rowSelectionFeature;
};
export const baseTableFeatures = tableFeatures({}) as ContactTableFeatures;

/** A flag cell; legacy v1 contacts do not have the field at all, which shows as "—", not "No". */
const yesNo = (value: boolean | null | undefined, yes: React.ReactNode) =>
  value ? yes : <span className="muted">{value == null ? '—' : 'No'}</span>;

export const column = createColumnHelper<ContactTableFeatures, Contact>();

export const contactColumns = column.columns([
  column.accessor((contact) => displayNumber(contact), {
    id: 'number',
    header: 'Number',
    // The number identifies the row (and is its link): it cannot be hidden.
    enableHiding: false,
    cell: (info) => (
      <span className="number">
        <MaskedNumber value={info.getValue()} countryCode={info.row.original.country_code} />
      </span>
    ),
  }),
  column.accessor('region_code', {
    id: 'region',
    header: () => (
      <>
        Country<span className="hide-narrow"> / region</span>
      </>
    ),
    cell: (info) => {
      const code = info.getValue();
      return code ? (
        <span title={regionName(code)}>
          <span className="region-code">{code}</span> <span className="region-name">{regionName(code)}</span>
        </span>
      ) : (
        <span className="muted">Unknown</span>
      );
    },
  }),
  column.accessor((contact) => channelsOf(contact), {
    id: 'channels',
    header: 'Channels',
    cell: (info) => <ChannelChips channels={info.getValue()} empty={<span className="muted">None</span>} />,
  }),
  column.accessor('default_channel', {
    id: 'default',
    header: 'Default',
    cell: (info) => {
      const value = info.getValue();
      return value ? channelLabel(value) : <span className="muted">—</span>;
    },
  }),
  column.accessor('opt_out', {
    id: 'optout',
    header: 'Opt-out',
    cell: (info) => yesNo(info.getValue(), <Badge tone="danger">Opted out</Badge>),
  }),
  column.accessor('is_inherited', {
    id: 'inherited',
    header: 'Inherited',
    cell: (info) => yesNo(info.getValue(), <Badge tone="warning">Inherited</Badge>),
  }),
  column.accessor('created_at', {
    id: 'created',
    header: 'Created',
    cell: (info) => (
      <time dateTime={info.getValue() ?? undefined} className="nowrap">
        <LocalDate value={info.getValue()} />
      </time>
    ),
  }),
]);

export const contactColumnIds = [
  'number',
  'region',
  'channels',
  'default',
  'optout',
  'inherited',
  'created',
] as const;
