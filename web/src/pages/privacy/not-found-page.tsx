import { PageHeader } from '../../components/page-header.js';
import { t } from '../../i18n/index.js';
import type { Route } from '../../lib/route.js';

export function Page(_props: { route: Route }) {
  return (
    <main class="phone">
      <PageHeader title={t().notFound} />
      <p>
        <a href="/">{t().privacy.home}</a>
      </p>
    </main>
  );
}
