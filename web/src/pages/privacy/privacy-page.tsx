import { PageHeader } from '../../components/page-header.js';
import { t } from '../../i18n/index.js';
import { legalText } from '../../i18n/pages/legal.js';
import type { Route } from '../../lib/route.js';
import '../../styles/participant.css';
import '../../styles/legal.css';
import { BackLink, Contact, LegalLinks, Operator, Unset } from '../legal/legal-parts.js';
import { useSiteInfo } from '../legal/site-info.js';
import { PrivacyText } from './privacy-text.js';

export function Page(_props: { route: Route }) {
  const p = t().privacy;
  const l = legalText();
  const site = useSiteInfo();
  return (
    <main class="phone prose">
      <PageHeader title={p.heading} />
      <section>
        <h2>{l.controller.title}</h2>
        <p>{l.controller.intro}</p>
        <Operator site={site} />
        <h3>{l.controller.dpo}</h3>
        <p data-testid="dpo">{site?.dpo ? <Contact value={site.dpo} /> : <Unset />}</p>
      </section>
      <PrivacyText />
      <section>
        <h2>{l.registration.title}</h2>
        {l.registration.paragraphs.map((text) => (
          <p key={text}>{text}</p>
        ))}
      </section>
      <LegalLinks />
      <BackLink />
    </main>
  );
}
