import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { api } from '../../lib/api.js';

/** The privacy notice itself: on its own page, and opened in place on the join form. */
export function PrivacyText({ nested = false }: { nested?: boolean }) {
  const p = t().privacy;
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    api<{ retentionDays: number }>('/api/info')
      .then((info) => setDays(info.retentionDays))
      .catch(() => setDays(null));
  }, []);
  const Heading = nested ? 'h3' : 'h2';
  return (
    <>
      <p class="lead">{p.intro}</p>
      {p.sections.map((section) => (
        <section key={section.title}>
          <Heading>{section.title}</Heading>
          {section.paragraphs.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </section>
      ))}
      {days !== null && <p data-testid="retention-here">{p.retentionHere(days)}</p>}
    </>
  );
}
