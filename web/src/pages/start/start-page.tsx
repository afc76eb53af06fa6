import { useEffect, useRef, useState } from 'preact/hooks';
// The default catalogue is pure data shared with the server: topics and host roles need its keys
// before any event exists.
import { catalogueTemplate } from '../../../../src/domain/catalogue.js';
import { PageHeader } from '../../components/page-header.js';
import { t } from '../../i18n/index.js';
import { rememberLinks } from '../../lib/created-links.js';
import type { Route } from '../../lib/route.js';
import type { CreatedEvent } from '../../lib/types.js';
import '../../styles/moderator.css';
import { CreateEventForm } from './create-event-form.js';
import { CreatedLinks } from './created-links.js';

const catalogue = catalogueTemplate('oss-verwaltung');

export function Page(_props: { route: Route }) {
  const [created, setCreated] = useState<CreatedEvent | null>(null);
  const s = t().start;
  const createdRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created) createdRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [created]);

  return (
    <main class="console start">
      <PageHeader title={s.heading} />
      <p class="lead">
        {s.intro} <a href="/guide">{t().guide.link}</a>
      </p>
      <div ref={createdRef}>
        {created ? (
          <CreatedLinks created={created} />
        ) : (
          <CreateEventForm
            catalogue={catalogue}
            onCreated={(next) => {
              rememberLinks(next);
              setCreated(next);
            }}
          />
        )}
      </div>
      <footer class="page-footer">
        <a href="/privacy">{t().privacyLink}</a>
      </footer>
    </main>
  );
}
