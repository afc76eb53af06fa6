import { PageHeader } from '../../components/page-header.js';
import { legalText } from '../../i18n/pages/legal.js';
import type { Route } from '../../lib/route.js';
import '../../styles/participant.css';
import '../../styles/legal.css';
import { BackLink, LegalLinks } from './legal-parts.js';

/** A short explanation of the service in Leichte Sprache: one statement per line, no abbreviations. */
export function Page(_props: { route: Route }) {
  const e = legalText().easy;
  return (
    <main class="phone prose easy-read">
      <PageHeader title={e.heading} />
      {e.sections.map((section) => (
        <section key={section.title}>
          <h2>{section.title}</h2>
          {section.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </section>
      ))}
      <LegalLinks />
      <BackLink />
    </main>
  );
}
