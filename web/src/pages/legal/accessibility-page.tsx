import { PageHeader } from '../../components/page-header.js';
import { legalText } from '../../i18n/pages/legal.js';
import type { Route } from '../../lib/route.js';
import '../../styles/participant.css';
import '../../styles/legal.css';
import { BackLink, Contact, LegalLinks, Unset } from './legal-parts.js';
import { useSiteInfo } from './site-info.js';

/** Erklärung zur Barrierefreiheit (BITV 2.0 § 7, e.g. BIKTG Berlin § 5), filled from the configuration. */
export function Page(_props: { route: Route }) {
  const a = legalText().accessibility;
  const site = useSiteInfo();
  const body = site?.accessibility.enforcementBody;
  return (
    <main class="phone prose">
      <PageHeader title={a.heading} />
      <p class="lead">{a.intro(site?.operator.name ?? null)}</p>
      <p>{a.scope}</p>
      <section>
        <h2>{a.conformityTitle}</h2>
        <p>{a.conformity}</p>
      </section>
      <section>
        <h2>{a.gapsTitle}</h2>
        <ul>
          {a.gaps.map((gap) => (
            <li key={gap}>{gap}</li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{a.feedbackTitle}</h2>
        <p>{a.feedback}</p>
        <p data-testid="feedback-contact">
          {site?.accessibility.contact ? <Contact value={site.accessibility.contact} /> : <Unset />}
        </p>
      </section>
      <section>
        <h2>{a.enforcementTitle}</h2>
        {body ? (
          <>
            <p>{a.enforcement}</p>
            <p data-testid="enforcement-body">{body.url ? <a href={body.url}>{body.name}</a> : body.name}</p>
          </>
        ) : (
          <p data-testid="enforcement-body">{a.enforcementUnset}</p>
        )}
      </section>
      <LegalLinks />
      <BackLink />
    </main>
  );
}
