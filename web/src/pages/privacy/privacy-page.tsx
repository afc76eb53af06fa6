import { useEffect, useState } from 'preact/hooks';
import { PageHeader } from '../../components/page-header.js';
import { t } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import type { Route } from '../../lib/route.js';
import type { ServerInfo } from '../../lib/types.js';
import '../../styles/participant.css';

export function Page(_props: { route: Route }) {
  const p = t().privacy;
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    api<ServerInfo>('/api/info')
      .then((info) => setDays(info.retentionDays))
      .catch(() => setDays(null));
  }, []);
  return (
    <main class="phone prose">
      <PageHeader title={p.heading} />
      <p class="lead">{p.intro}</p>
      {p.sections.map((section) => (
        <section key={section.title}>
          <h2>{section.title}</h2>
          {section.paragraphs.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </section>
      ))}
      {days !== null && <p data-testid="retention-here">{p.retentionHere(days)}</p>}
      <p>
        <a href="/">{p.home}</a>
      </p>
    </main>
  );
}
