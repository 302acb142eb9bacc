import { channelLabel } from '../../lib/channels';
import type { Channel } from '../../url-state/listParams';

const OPTIONS: (Channel | undefined)[] = [undefined, 'sms', 'whatsapp'];

export function ChannelFilter({
  value,
  onChange,
}: {
  value: Channel | undefined;
  onChange: (c?: Channel) => void;
}) {
  return (
    <fieldset className="segmented">
      <legend className="sr-only">Channel</legend>
      {OPTIONS.map((option) => (
        <button
          key={option ?? 'all'}
          type="button"
          aria-pressed={value === option}
          onClick={() => value !== option && onChange(option)}
        >
          {option ? channelLabel(option) : 'All channels'}
        </button>
      ))}
    </fieldset>
  );
}
