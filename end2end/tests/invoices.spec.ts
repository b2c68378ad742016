import { type Page, type Download } from '@playwright/test';
import { test, expect } from '@playwright/test';
import { signIn, expectAccessible, resetData, pdfText } from './helpers';

test.beforeEach(async ({ request }) => resetData(request));

interface Money { amount: string; currency: string }
interface Invoice { id: string; number: string; date: string; due_date: string; status: string; amount: Money }

async function listed(page: Page): Promise<Invoice[]> {
  const today = new Date();
  const from = new Date(today.getFullYear(), today.getMonth() - 3, today.getDate());
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const response = await page.request.get(`/api/v1/invoices?from=${iso(from)}&to=${iso(today)}`);
  expect(response.ok()).toBeTruthy();
  return response.json();
}

/** A date as the page writes it in `locale` (Intl, medium). */
function dateIn(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

async function bytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

test('in Swedish, each row has its PDF, written in Swedish with its due date, seller and VAT numbers', async ({ page }) => {
  await signIn(page, '/billing/invoices');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  const invoices = await listed(page);
  const due = invoices.find((i) => i.status === 'due')!;
  const table = page.getByRole('table', { name: 'Fakturor i datumintervallet' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: due.number }) });
  await expect(row).toContainText(`Förfaller den ${dateIn('sv', due.due_date)}`);
  const paid = invoices.find((i) => i.status === 'paid')!;
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: paid.number }) })).not.toContainText('Förfaller');
  await expectAccessible(page);
  const downloading = page.waitForEvent('download');
  await row.getByRole('link', { name: `PDF för faktura ${due.number}` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${due.number}.pdf`);
  const text = pdfText(await bytes(download));
  expect(text).toContain(`Faktura ${due.number}`);
  const [year, month, day] = due.due_date.split('-').map(Number);
  const months = ['jan.', 'feb.', 'mars', 'apr.', 'maj', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
  expect(text).toContain(`Förfallodatum: ${day} ${months[month - 1]} ${year}`);
  expect(text).toContain('Säljare');
  expect(text.some((s) => /^Momsreg\.nr SE\d{12}$/.test(s))).toBe(true);
  expect(text).toContain('Att betala totalt');
  expect(text).not.toContain('Invoice date');
});

test('in Chinese the PDF is in Chinese; the invoice page shows the due date, seller and buyer', async ({ page }) => {
  await signIn(page, '/billing/invoices');
  const [first] = await listed(page);
  await page.getByRole('link', { name: first.number, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Invoice ${first.number}` })).toBeVisible();
  const details = page.locator('dl.details');
  await expect(details.getByText('Due date', { exact: true })).toBeVisible();
  await expect(details).toContainText(dateIn('en', first.due_date));
  const seller = page.getByRole('region', { name: 'Seller' });
  await expect(seller.getByText(/^VAT no\. SE\d{12}$/)).toBeVisible();
  const buyer = page.getByRole('region', { name: 'Bill to' });
  await expect(buyer.getByText(/^Contoso (AB|GmbH)$/)).toBeVisible();
  // Postal code before the city, as Sweden and Germany write it.
  await expect(buyer.locator('address')).toContainText(/\d{3} ?\d{2} [A-ZÅÄÖ]/);
  await expectAccessible(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-Hans');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载 PDF' }).click();
  const text = pdfText(await bytes(await downloading));
  expect(text).toContain(`发票 ${first.number}`);
  const [year, month, day] = first.due_date.split('-').map(Number);
  expect(text).toContain(`到期日：${year}年${month}月${day}日`);
});

test('the totals name each currency once', async ({ page }) => {
  await signIn(page, '/billing/invoices');
  const totals = page.getByRole('region', { name: 'Total for this date range' });
  const amounts = totals.getByRole('listitem');
  await expect(amounts.first()).toBeVisible();
  for (const text of await amounts.allTextContents()) {
    expect(text).not.toMatch(/\b(SEK|EUR)\b.*(kr|€|SEK|EUR)|(kr|€).*\b(SEK|EUR)\b/);
  }
  await expect(totals).not.toContainText(/EUR\s*€/);
});
