/**
 * The app's Mantine date fields, used as a person does: a month is picked
 * from the calendar (a month picker takes no typing), in either language.
 */
import type { Locator, Page } from 'playwright-core';

/** Opens a MonthField and picks `YYYY-MM` from its calendar (zh: 11月, en: Nov), going back or forth by years. */
export async function pickMonth(page: Page, field: Locator, month: string): Promise<void> {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  await field.click();
  const dropdown = page.locator('.mantine-Popover-dropdown').filter({ has: page.locator('.mantine-MonthPickerInput-levelsGroup') });
  await dropdown.waitFor();
  for (let i = 0; i < 20; i++) {
    const shown = Number((await dropdown.locator('.mantine-MonthPickerInput-calendarHeaderLevel').textContent())?.match(/\d{4}/u)?.[0]);
    if (shown === year) break;
    const controls = dropdown.locator('.mantine-MonthPickerInput-calendarHeaderControl');
    await (shown > year ? controls.first() : controls.last()).click();
  }
  const en = new Intl.DateTimeFormat('en', { month: 'short' }).format(new Date(Date.UTC(year, mm - 1, 1)));
  await dropdown.getByRole('button', { name: new RegExp(`^(${mm}月|${en})$`, 'u') }).click();
  await dropdown.waitFor({ state: 'hidden' });
}
