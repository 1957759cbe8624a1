import type { Locator, Page } from 'playwright-core';

/** Chooses an option of an antd Select by typing into it (as a keyboard user would) and Enter. */
export async function choose(
  page: Page,
  label: string | RegExp,
  text: string,
  multiple = false,
): Promise<void> {
  const input = page.getByLabel(label, { exact: typeof label === 'string' });
  await input.click();
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first();
  if ((await input.getAttribute('readonly')) !== null) {
    // a select without search: pick the option from the open list
    await option.click();
    return;
  }
  await input.fill(text);
  await option.waitFor();
  await input.press('Enter');
  // a multiple select keeps its list open; Escape closes it
  if (multiple) await input.press('Escape');
}

/** The open modal (antd renders it at the end of body). */
export function modal(page: Page, title: string): Locator {
  return page.locator('.ant-modal:visible', { has: page.locator('.ant-modal-title', { hasText: title }) });
}
