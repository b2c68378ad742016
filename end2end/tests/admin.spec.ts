import { type Page, type Request } from '@playwright/test';
import { test, expect } from './card-guard';
import { signIn, expectAccessible, resetData } from './helpers';

test.beforeEach(async ({ request }) => resetData(request));

const ADMIN = 'li.wei@contoso.com';

/** Every request the page sends, to prove the admin's pages only read. */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => seen.push(r));
  return seen;
}

async function download(page: Page, name: string | RegExp): Promise<{ file: string; text: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name }).click();
  const file = await downloading;
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return { file: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

test('an administrator sees every self-service purchase, filters them, and exports the table', async ({ page }) => {
  const requests = recordRequests(page);
  await signIn(page, '/products', ADMIN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Self-service purchases' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Self-service purchases' })).toBeVisible();
  const api = await (await page.request.get('/api/v1/admin/self-service-purchases?page_size=200')).json();
  await expect(page.getByText(`${api.total} self-service purchases`)).toBeVisible();
  const rows = page.getByRole('table', { name: 'Self-service purchases' }).locator('tbody tr');
  await expect(rows).toHaveCount(api.total);
  await expect(page.getByRole('row', { name: /Power BI Pro/ })).toContainText('Åsa Öström');
  // The purchaser's name and e-mail are read and shown apart, not run together.
  await expect(page.getByRole('row', { name: /Power BI Pro/ })).toHaveText(/Åsa Öström\s+asa\.ostrom@contoso\.se/, { useInnerText: true });
  await expect(page.getByRole('row', { name: /Power BI Pro/ })).toContainText('10 of 25 assigned');
  await expectAccessible(page);

  await page.getByRole('searchbox', { name: 'Purchaser' }).fill('jürgen');
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(/purchaser=j%C3%BCrgen/);
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Active' });
  await expect(page).toHaveURL(/status=active/);
  const filtered = await (await page.request.get('/api/v1/admin/self-service-purchases?purchaser=j%C3%BCrgen&status=active')).json();
  await expect(rows).toHaveCount(filtered.total);

  const { file, text } = await download(page, 'Export table (CSV)');
  expect(file).toBe('self-service-purchases.csv');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('"Product","Purchaser","Purchaser e-mail","Status","Licenses","Assigned","Purchased on","Renews or expires on","Price per license","Purchase price","Currency"');
  expect(lines).toHaveLength(filtered.total + 1);
  expect(lines.slice(1).every((l) => l.includes('"Jürgen Weiß","jurgen.weiss@contoso.de","Active"'))).toBe(true);
  expect(requests.filter((r) => r.method() !== 'GET').map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
});

test("a purchase's read-only page: assigned people, their CSV, and the order history; nothing changes", async ({ page }) => {
  const requests = recordRequests(page);
  await signIn(page, '/admin/self-service', ADMIN);
  await page.getByRole('link', { name: 'Microsoft 365 Business Standard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Microsoft 365 Business Standard' })).toBeVisible();
  await expect(page.getByText('Read-only: only the purchaser can change this subscription.')).toBeVisible();
  const people = page.getByRole('region', { name: 'Assigned people' });
  const api = await (await page.request.get('/api/v1/admin/self-service-purchases/sub-liwei-standard/assignments?page_size=200')).json();
  await expect(people.locator('tbody tr')).toHaveCount(api.total);
  await expect(people.getByRole('row', { name: /王芳/ })).toBeVisible();
  // The formula-like name is shown as the text it is.
  await expect(people.getByRole('row', { name: /formula\.test@contoso\.se/ })).toContainText('=HYPERLINK("https://evil.example","Klicka här")');
  const history = page.getByRole('region', { name: 'Order history' });
  await expect(history.getByRole('row', { name: /Purchased/ })).toHaveText(/李伟\s+li\.wei@contoso\.com/, { useInnerText: true });
  // Nothing on the page changes anything (the header's account menu is the person's own).
  const main = page.getByRole('main');
  await expect(main.getByRole('button')).toHaveCount(await main.getByRole('button').filter({ hasText: /Previous page|Next page|Dismiss/ }).count());
  await expectAccessible(page);

  const { text } = await download(page, 'Export assigned people (CSV)');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('"Name","E-mail","Department","Assigned on"');
  expect(lines).toHaveLength(api.total + 1);
  for (const a of api.items) {
    const name = a.person.display_name.startsWith('=') ? `'${a.person.display_name}` : a.person.display_name;
    expect(lines).toContain(`"${name.replace(/"/g, '""')}","${a.person.email}","${a.person.department ?? ''}","${a.assigned_on}"`);
  }
  expect(lines).toContain('"\'=HYPERLINK(""https://evil.example"",""Klicka här"")","formula.test@contoso.se","Finance","' + api.items.find((a: { person: { email: string } }) => a.person.email === 'formula.test@contoso.se').assigned_on + '"');
  expect(lines.some((l) => l.startsWith('"Björn Ängström"'))).toBe(true);
  expect(requests.filter((r) => r.method() !== 'GET').map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
});

test('a purchaser sees no admin link, and the page says they lack access', async ({ page }) => {
  await signIn(page, '/products');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Self-service purchases' })).toHaveCount(0);
  await page.goto('/admin/self-service');
  await expect(page.getByRole('alert')).toContainText("You don't have access to this.");
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page);
});

test('in Swedish: one tab title, styled filter boxes, and a CSV a Swedish spreadsheet opens in columns', async ({ page }) => {
  await signIn(page, '/admin/self-service', ADMIN);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Självbetjäningsköp' })).toBeVisible();
  await expect(page).toHaveTitle('Självbetjäningsköp');
  const purchaser = page.getByRole('searchbox', { name: 'Köpare' });
  const box = await purchaser.evaluate((input) => {
    const style = getComputedStyle(input);
    return { height: input.getBoundingClientRect().height, radius: style.borderRadius, font: style.fontSize };
  });
  const body = await page.evaluate(() => getComputedStyle(document.body).fontSize);
  expect(box.height).toBeGreaterThanOrEqual(32);
  expect(box.radius).not.toBe('0px');
  expect(box.font).toBe(body);
  await purchaser.fill('åsa');
  const api = await (await page.request.get('/api/v1/admin/self-service-purchases?purchaser=%C3%A5sa&page_size=200')).json();
  await expect(page.getByRole('table', { name: 'Självbetjäningsköp' }).locator('tbody tr')).toHaveCount(api.total);
  await expectAccessible(page);
  const { text } = await download(page, 'Exportera tabellen (CSV)');
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('"Produkt";"Köpare";"Köparens e-postadress";"Status";"Licenser";"Tilldelade";"Köpt";"Förnyas eller upphör";"Pris per licens";"Inköpspris";"Valuta"');
  expect(lines).toHaveLength(api.total + 1);
  for (const purchase of api.items) {
    const line = lines.find((l) => l.startsWith(`"${purchase.product.name}";`))!;
    expect(line).toContain(`;"${purchase.purchase_price.amount.replace('.', ',')}";`);
  }
  expect(lines.some((l) => l.includes(';"Aktiv";'))).toBe(true);
});
