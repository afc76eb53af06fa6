import { PageHeader } from '../../components/page-header.js';
import { t } from '../../i18n/index.js';
import type { Route } from '../../lib/route.js';
import '../../styles/participant.css';
import { PrivacyText } from './privacy-text.js';

export function Page(_props: { route: Route }) {
  const p = t().privacy;
  return (
    <main class="phone prose">
      <PageHeader title={p.heading} />
      <PrivacyText />
      <p>
        <a href="/">{p.home}</a>
      </p>
    </main>
  );
}
