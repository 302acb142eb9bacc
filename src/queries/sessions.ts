// The Signed-in screen's data: who is signed in now (asked again whenever the screen opens) and the sign-out.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listSessions, signOutSession } from '../api/sessions';
import { keys } from './keys';
import { useWantedOnServer } from './serverRender';

export type { SessionsList, SignedInSession, SignOutResult } from '../api/sessions';

export function useSignedInSessions() {
  const options = {
    queryKey: keys.sessions(),
    queryFn: ({ signal }: { signal: AbortSignal }) => listSessions(signal),
    // People sign in and out all the time: always ask again when the screen opens.
    staleTime: 0,
  };
  // Rendered on the server with the list, so its sign-out forms work before hydration and without JavaScript.
  useWantedOnServer(options);
  return useQuery(options);
}

export function useSignOutSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.sessions() }),
  });
}
