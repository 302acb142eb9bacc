// Contacts the manage-contacts specs make on the standalone user key's account: each test its own block of
// digits, found by search, so no other spec's counts change.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export interface Made {
  id: string;
  format_e164: string;
  format_international: string;
}

/** A UK mobile number of this test's block: +44 7400 5BB0NN. */
export const numberOf = (block: number, n: number) =>
  `+4474005${String(block).padStart(2, '0')}0${String(n).padStart(2, '0')}`;
export const searchOf = (block: number) => `74005${String(block).padStart(2, '0')}0`;

export async function make(page: Page, e164: string): Promise<Made> {
  const response = await page.request.post('/v3/contacts', { data: { phone_number: e164 } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { data: Made }).data;
}

export const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });
export const toolbarButton = (page: Page, name: string) =>
  page.getByRole('toolbar').getByRole('button', { name });
