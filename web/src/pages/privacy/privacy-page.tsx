import { PageHeader } from '../../components/page-header.js';
import { t } from '../../i18n/index.js';
import type { Route } from '../../lib/route.js';
import '../../styles/participant.css';

export function Page(_props: { route: Route }) {
  const p = t().privacy;
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
      <p>
        <a href="/">{p.home}</a>
      </p>
    </main>
  );
}
