import { test, expect } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

// Every pane closes from a Close button at its foot (and the ✕ of its header), back to the page beneath.

for (const [path, pane, beneath, closeLabel] of [
  ['/products/sub-business-basic/buy', 'Buy licenses', /\/products\/sub-business-basic$/, 'Close'],
  ['/products/sub-power-bi-pro/reduce', 'Remove licenses', /\/products\/sub-power-bi-pro$/, 'Close'],
  ['/products/sub-business-basic/cancel', 'Cancel subscription', /\/products\/sub-business-basic$/, 'Close'],
  ['/products/sub-teams-cancelled/reactivate', 'Reactivate subscription', /\/products\/sub-teams-cancelled$/, 'Close'],
  ['/licenses/sub-business-basic/assign', 'Assign licenses', /\/licenses\/sub-business-basic$/, 'Close'],
  ['/billing/payment-methods/add', 'Add a payment method', /\/billing\/payment-methods$/, 'Close'],
] as const) {
  test(`the ${pane} pane has a Close at its foot`, async ({ page }) => {
    await signIn(page, path);
    const dialog = page.getByRole('dialog', { name: pane });
    await expect(dialog).toBeVisible();
    const close = dialog.getByRole('button', { name: closeLabel, exact: true });
    await expect(close).toBeInViewport();
    await expect(dialog.getByRole('button', { name: closeLabel, exact: true })).toHaveCount(1);
    await close.click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(beneath);
  });
}

test('in Swedish the foot says Stäng, and the Remove pane says the product’s maximum', async ({ page }) => {
  await signIn(page, '/products/sub-power-bi-pro');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await page.goto('/products/sub-power-bi-pro/reduce');
  const dialog = page.getByRole('dialog', { name: 'Ta bort licenser' });
  await expect(dialog).toContainText('Produkten tillåter högst 300.');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Stäng fönstret', exact: true }).last().click();
  await expect(dialog).toBeHidden();
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
});
