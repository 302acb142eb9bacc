// axe over every dialog of adding and removing contacts (issue 13), in both themes: one test a dialog, each on
// contacts of its own block of digits in the standalone user key's account.
import { seriousViolations } from './support/axe';
import { expect, rows, test } from './support/fixtures';
import { dialog, make, numberOf, searchOf, toolbarButton } from './support/manage';

for (const [theme, colorScheme] of [
  [0, 'light'],
  [1, 'dark'],
] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, server: 'user' });
    // Blocks 10–17: two a test, the theme picks one.
    const blockOf = (n: number) => 10 + n * 2 + theme;

    test('Add contact, with a number invalid as typed', async ({ page, allowHttpErrors }) => {
      allowHttpErrors(404);
      await page.goto('/');
      await toolbarButton(page, 'Add contact').click();
      await dialog(page, 'Add contact').getByLabel('Phone number').fill('+44 12');
      await dialog(page, 'Add contact').getByRole('button', { name: 'Add contact' }).click();
      await expect(dialog(page, 'Add contact').getByLabel('Phone number')).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      expect(await seriousViolations(page, 'dialog')).toEqual([]);
    });

    test('Remove by number, with the contact found', async ({ page, allowHttpErrors }) => {
      allowHttpErrors(404);
      const one = await make(page, numberOf(blockOf(1), 1));
      await page.goto('/');
      await toolbarButton(page, 'Remove by number').click();
      const byNumber = dialog(page, 'Remove by number');
      await byNumber.getByLabel('Phone number').fill(one.format_e164);
      await byNumber.getByRole('button', { name: 'Find contact' }).click();
      await expect(byNumber.getByText('Removing is final.')).toBeVisible();
      expect(await seriousViolations(page, 'dialog')).toEqual([]);
    });

    test('rows selected, and the dialog removing them', async ({ page, allowHttpErrors }) => {
      allowHttpErrors(404);
      const block = blockOf(2);
      await Promise.all([make(page, numberOf(block, 1)), make(page, numberOf(block, 2))]);
      await page.goto(`/?search=${searchOf(block)}`);
      await expect(rows(page)).toHaveCount(2);
      await toolbarButton(page, 'Select').click();
      await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
      expect(await seriousViolations(page, 'main')).toEqual([]);
      await page.getByRole('button', { name: 'Remove from account…' }).click();
      await expect(dialog(page, 'Remove 2 contacts')).toBeVisible();
      expect(await seriousViolations(page, 'dialog')).toEqual([]);
    });

    test("Remove from account on a contact's detail", async ({ page, allowHttpErrors }) => {
      allowHttpErrors(404);
      const one = await make(page, numberOf(blockOf(3), 1));
      await page.goto(`/contacts/${one.id}`);
      await page.getByRole('button', { name: 'Remove from account…' }).click();
      await expect(dialog(page, 'Remove from account').getByText('Removing is final.')).toBeVisible();
      expect(await seriousViolations(page, 'dialog')).toEqual([]);
    });
  });
}
