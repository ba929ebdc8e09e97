/**
 * Script-injection payloads and the checks that prove they stayed text, shared by the browser
 * tests on the sample site (tests/e2e/safety.spec.ts) and on the hostile fixtures
 * (tests/e2e/hostile.spec.ts).
 */
import type { Page } from '@playwright/test';

/** Payloads put in Browse's URL parameters and typed into search boxes. */
export const QUERY_PAYLOADS = [
  `<img src=x onerror="window.__pwned='query';alert(1)">`,
  `"><script>window.__pwned='query2';alert(2)</script>`,
  `javascript:window.__pwned='query3'`,
  `</textarea><svg onload="window.__pwned='query4'">`,
  `{{constructor.constructor('window.__pwned=1')()}} \${window.__pwned=2}`,
  `' onfocus='window.__pwned=5' autofocus='`,
];

/** What a page did that it should not have: dialogs, console errors, uncaught errors, failed requests. */
export interface Watch {
  events: string[];
}

/** Starts recording on `page`; dialogs are dismissed so a payload cannot block the test. */
export function watch(page: Page): Watch {
  const w: Watch = { events: [] };
  page.on('dialog', (dialog) => {
    w.events.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') w.events.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => w.events.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) w.events.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return w;
}

/**
 * Elements and effects the payloads would create if any were parsed as markup: the marker they
 * set, elements the site never renders, inline event handlers, `javascript:` URLs, scripts that
 * mention the marker and a body hidden by an injected style.
 */
export async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const w = window as unknown as Record<string, unknown>;
    if (w['__pwned'] !== undefined) found.push(`window.__pwned = ${JSON.stringify(w['__pwned'])}`);
    if (document.querySelector('img[src="x"]')) found.push('img[src=x]');
    const selectors = [
      'iframe',
      'math',
      'base',
      'meta[http-equiv="refresh" i]',
      'textarea',
      'svg circle',
    ];
    for (const selector of selectors) if (document.querySelector(selector)) found.push(selector);
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        const name = `${el.tagName.toLowerCase()}[${attr.name}]`;
        if (attr.name.startsWith('on')) found.push(name);
        if (urlAttributes.includes(attr.name) && /^\s*javascript:/i.test(attr.value))
          found.push(`${name}=javascript:`);
      }
    }
    for (const script of document.querySelectorAll('script'))
      if (script.textContent.includes('__pwned')) found.push('script with a payload');
    if (getComputedStyle(document.body).display === 'none') found.push('body hidden by a style');
    return found;
  });
}
