import type { Page } from 'playwright-core';

// Run in the page: the root project has no DOM types, so the checks travel as source text.
const NARROW_TEXT = `(() => {
  const problems = [];
  const ctx = document.createElement('canvas').getContext('2d');
  const blockOf = (el) => {
    while (el && getComputedStyle(el).display === 'inline') el = el.parentElement;
    return el;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || el.closest('select, option, script, style, svg, .sr-only')) continue;
    // A web address is not a word: it may wrap anywhere, on purpose.
    if (text.includes('://')) continue;
    if (!el.checkVisibility()) continue;
    const style = getComputedStyle(el);
    ctx.font = style.fontStyle + ' ' + style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
    let word = '';
    let width = 0;
    // Lines may break after a hyphen ("Open-Source-Community"): each part counts as a word.
    for (const w of text.split(/\\s+|(?<=-)/)) {
      const measured = ctx.measureText(w).width;
      if (measured > width) { word = w; width = measured; }
    }
    const box = blockOf(el);
    const boxStyle = getComputedStyle(box);
    const inner = box.clientWidth - parseFloat(boxStyle.paddingLeft) - parseFloat(boxStyle.paddingRight);
    if (inner + 1 < width) {
      problems.push(word + ' (' + Math.round(width) + ' px) in ' + box.tagName.toLowerCase() + '.' + box.className + ' of ' + Math.round(inner) + ' px');
    }
  }
  return [...new Set(problems)];
})()`;

/** Text elements narrower than their longest word: the word would break inside its letters. */
export const narrowText = (page: Page) => page.evaluate<string[]>(NARROW_TEXT);

/** How far the page is wider than the viewport (0 when it scrolls only vertically). */
export const horizontalOverflow = (page: Page) =>
  page.evaluate<number>(
    '(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)()',
  );

/** Whether the element lies wholly inside the viewport now. */
export const inViewport = (page: Page, selector: string) =>
  page.evaluate<boolean>(`(() => {
    const r = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect();
    return !!r && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  })()`);
