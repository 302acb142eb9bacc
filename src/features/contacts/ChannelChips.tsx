import type { ReactNode } from 'react';
import { Badge } from '../../components/Badge';
import { channelLabel } from '../../lib/channels';

/** A contact's channels as badges (list cell and detail), or `empty` when it has none. */
export function ChannelChips({ channels, empty }: { channels: readonly string[]; empty: ReactNode }) {
  if (!channels.length) return <>{empty}</>;
  return (
    <span className="chips">
      {channels.map((channel) => (
        <Badge key={channel} tone={channel === 'whatsapp' ? 'success' : 'info'}>
          {channelLabel(channel)}
        </Badge>
      ))}
    </span>
  );
}
