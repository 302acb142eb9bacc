// One screenshot of `npm run screenshots` (screenshots.ts), and the four ways most screens are shot.
import type { Page } from 'playwright-core';

export interface Shot {
  name: string;
  path: string;
  base?: string;
  ready: string;
  dark?: boolean;
  phone?: boolean;
  /** The whole page, not just the window (long screens such as the Import steps). */
  fullPage?: boolean;
  prepare?: (page: Page) => Promise<void>;
  act?: (page: Page) => Promise<void>;
}

/** A shot in light and dark, at 1280 px and on a 390 px phone. */
export const fourWays = (shot: Shot): Shot[] => [
  shot,
  { ...shot, name: `${shot.name}-dark`, dark: true },
  { ...shot, name: `${shot.name}-phone`, phone: true },
  { ...shot, name: `${shot.name}-phone-dark`, phone: true, dark: true },
];
