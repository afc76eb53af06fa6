import { marked, type Tokens } from 'marked';
import guideDe from '../../../../docs/guide.de.md?raw';
import guideEn from '../../../../docs/guide.en.md?raw';
import type { Language } from '../../lib/types.js';

// The guide is the repository's own docs/guide.*.md, with its pictures bundled as assets: the page
// and the files in the repository can never say different things.
const PICTURES = import.meta.glob<string>('../../../../docs/images/guide/*.png', {
  eager: true,
  query: '?url',
  import: 'default',
});
const GUIDES: Record<Language, string> = { de: guideDe, en: guideEn };
/** Other docs the guide links to that the service itself shows; the rest are repository files. */
const PAGES: Record<string, string> = {
  'guide.de.md': '/guide?lang=de',
  'guide.en.md': '/guide?lang=en',
  'privacy.md': '/privacy',
};

const pictureUrl = (href: string) => PICTURES[`../../../../docs/${href}`] ?? href;

function rewrite(token: Tokens.Generic) {
  if (token.type === 'image') token.href = pictureUrl(token.href);
  if (token.type === 'link') {
    const page = PAGES[token.href];
    // A link to a file only the repository has becomes its text.
    if (page) token.href = page;
    else if (/\.md(#.*)?$/.test(token.href)) Object.assign(token, { type: 'text', text: token.text });
  }
}

const rendered = new Map<Language, string>();

/** The guide in one language as HTML (our own Markdown, so no user input reaches innerHTML). */
export function guideHtml(lang: Language): string {
  let html = rendered.get(lang);
  if (!html) {
    html = marked.parse(GUIDES[lang], { async: false, walkTokens: rewrite }) as string;
    html = html.replace(/<img /g, '<img loading="lazy" ');
    rendered.set(lang, html);
  }
  return html;
}
