import { test, expect, type Page } from '@playwright/test';
import { armFault, clearFaults, expectAccessible, signIn } from './helpers';

/** The value of the browser's session cookie. */
async function sessionCookie(page: Page): Promise<string | undefined> {
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === 'ssp_session')?.value;
}

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test('Sign out in the account menu ends the session, says so, and Back shows nothing private', async ({ page, request }) => {
  await signIn(page);
  await expect(page.getByRole('rowheader', { name: /Business Basic/ }).first()).toBeVisible();
  const cookie = await sessionCookie(page);
  expect(cookie).toBeTruthy();

  const account = page.getByRole('button', { name: /Signed in as Åsa Öström/ });
  await expect(account).toHaveAccessibleName('Signed in as Åsa Öström Organization: Contoso AB');
  await expect(account).toHaveAttribute('aria-haspopup', 'menu');
  await account.click();
  await expect(account).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('menu', { name: 'Account' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Sign out']);
  await expect(menu.getByRole('menuitem', { name: 'Sign out' })).toBeFocused();
  await expectAccessible(page);
  await menu.getByRole('menuitem', { name: 'Sign out' }).click();

  await expect(page.getByRole('heading', { level: 1, name: "You're signed out" })).toBeVisible();
  await expect(page).toHaveURL(/\/signed-out$/);
  await expect(page).toHaveTitle(/^You're signed out – /);
  await expect(page.getByText("You're signed out of the portal in this browser.")).toBeVisible();
  const again = page.getByRole('link', { name: 'Sign in again' });
  await expect(again).toHaveAttribute('href', '/dev/sign-in?redirect=%2Fproducts');
  await expect(page.getByRole('banner').getByText('Åsa Öström')).toHaveCount(0);
  await expectAccessible(page);

  // The session is gone on the backend: its old cookie is refused. The browser's cookie is cleared.
  const old = await request.get('/api/v1/me', { headers: { cookie: `ssp_session=${cookie}` } });
  expect(old.status()).toBe(401);
  expect(await sessionCookie(page)).toBeUndefined();

  // Back: the products page asks to sign in; nothing of the person or their products is on it.
  await page.goBack();
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.getByRole('heading', { name: "You're signed out" })).toBeVisible();
  await expect(page.getByText('Business Basic')).toHaveCount(0);
  await expect(page.getByText('Åsa Öström')).toHaveCount(0);
  await expectAccessible(page);

  // Signing in again brings the person back to their products.
  await page.goForward();
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await expect(page.getByRole('link', { name: /Åsa Öström/ })).toBeVisible();
  await page.getByRole('link', { name: /Åsa Öström/ }).click();
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.getByRole('button', { name: /Signed in as Åsa Öström/ })).toBeVisible();
});

test('in Swedish and by keyboard alone: Konto → Logga ut → Du är utloggad', async ({ page }) => {
  await signIn(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  const account = page.getByRole('button', { name: /Inloggad som Åsa Öström/ });
  await account.focus();
  await page.keyboard.press('Enter');
  const signOut = page.getByRole('menu', { name: 'Konto' }).getByRole('menuitem', { name: 'Logga ut' });
  await expect(signOut).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(account).toBeFocused();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(signOut).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Du är utloggad' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Logga in igen' })).toBeVisible();
  await expectAccessible(page);
});

test('a sign-out that fails says why, keeps the person signed in, and Try again finishes it', async ({ page, request }) => {
  await signIn(page);
  await armFault(request, { method: 'DELETE', path: '/api/v1/session', status: 503 });
  await page.getByRole('button', { name: /Signed in as Åsa Öström/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Something went wrong');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign out' })).toBeVisible();
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);
  await expectAccessible(page);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "You're signed out" })).toBeVisible();
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
});

test('with a sign_out_url in config.json, signing out goes there (single sign-on)', async ({ page, request }) => {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    await route.fulfill({ response, json: { ...json, sign_out_url: '/dev/sign-in?redirect=%2Fhelp' } });
  });
  await signIn(page);
  const cookie = await sessionCookie(page);
  await page.getByRole('button', { name: /Signed in as Åsa Öström/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/dev\/sign-in\?redirect=%2Fhelp$/);
  await expect(page.getByRole('heading', { name: 'Sign in as a fixture user' })).toBeVisible();
  const old = await request.get('/api/v1/me', { headers: { cookie: `ssp_session=${cookie}` } });
  expect(old.status()).toBe(401);
});

test('opened by its address while signed in, the signed-out page signs nobody out but offers to', async ({ page }) => {
  await signIn(page, '/signed-out');
  await expect(page.getByText("You're still signed in as Åsa Öström.")).toBeVisible();
  // The page offers Sign out itself; the header's account menu is not repeated on it.
  await expect(page.getByRole('banner').getByRole('button', { name: /Signed in as/ })).toHaveCount(0);
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);
  await expectAccessible(page);
  await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "You're signed out" })).toBeVisible();
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
});

test('while a pane is open, nothing typed in it can be lost to signing out: the account menu is out of reach', async ({ page }) => {
  await signIn(page, '/products/sub-business-basic/buy');
  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  const total = pane.getByRole('textbox', { name: 'Total number of licenses' });
  await total.fill('105');
  // The pane is a modal dialog: Tab cycles inside it and never reaches the header.
  const reachedHeader: boolean[] = [];
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    reachedHeader.push(await page.evaluate(() => !!document.activeElement?.closest('header.app-header')));
  }
  expect(reachedHeader.some(Boolean)).toBe(false);
  await expect(total).toHaveValue('105');
});
