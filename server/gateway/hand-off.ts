// `npm run dev` puts the whole gateway in front of Vite: a request the gateway does not answer itself (the app's
// modules, its HTML, HMR's client) gets this marker answer, and dev.ts hands the request over to Vite instead.
// The request log leaves such requests to Vite (middleware/request-log.ts).
const HAND_OFF_HEADER = 'x-sent-hand-off';

export const handOff = (): Response =>
  new Response(null, { status: 404, headers: { [HAND_OFF_HEADER]: '1' } });

export const isHandedOff = (res: Response): boolean => res.headers.has(HAND_OFF_HEADER);
