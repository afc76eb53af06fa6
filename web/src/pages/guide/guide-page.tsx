import { PageHeader } from '../../components/page-header.js';
import { chooseLanguage, lang, t } from '../../i18n/index.js';
import type { Route } from '../../lib/route.js';
import '../../styles/guide.css';
import { guideHtml } from './guide-text.js';

const asked = new URLSearchParams(location.search).get('lang');
if (asked === 'de' || asked === 'en') chooseLanguage(asked);

export function Page(_props: { route: Route }) {
  const g = t().guide;
  return (
    <main class="guide prose">
      <PageHeader title={g.heading} />
      {/* The repository's own guide, rendered from Markdown: no user input reaches this HTML. */}
      <article dangerouslySetInnerHTML={{ __html: guideHtml(lang.value) }} />
      <p>
        <a href="/">{g.home}</a>
      </p>
    </main>
  );
}
