import { HiddenFields } from '../../components/HiddenFields';
import { channelLabel } from '../../lib/channels';
import type { Channel } from '../../url-state/listParams';
import { useListFormFields } from '../../url-state/useListParams';

const OPTIONS: (Channel | undefined)[] = [undefined, 'sms', 'whatsapp'];

/**
 * Toggle buttons that are also the submit buttons of a plain GET form (`?channel=…`), so they work before
 * the app's JavaScript runs; once it does, a click changes the filter in place.
 */
export function ChannelFilter({
  value,
  onChange,
}: {
  value: Channel | undefined;
  onChange: (c?: Channel) => void;
}) {
  const fields = useListFormFields('channel');
  return (
    <form method="get">
      <HiddenFields fields={fields} />
      <fieldset className="segmented">
        <legend className="sr-only">Channel</legend>
        {OPTIONS.map((option) => (
          <button
            key={option ?? 'all'}
            type="submit"
            name="channel"
            value={option ?? ''}
            aria-pressed={value === option}
            onClick={(event) => {
              event.preventDefault();
              if (value !== option) onChange(option);
            }}
          >
            {option ? channelLabel(option) : 'All channels'}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
