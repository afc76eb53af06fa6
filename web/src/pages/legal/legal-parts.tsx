import { legalText } from '../../i18n/pages/legal.js';
import { eventFromQuery } from '../../lib/route.js';
import type { Site } from './site-info.js';

/** Back to the event the person came from (`?event=code`), else to the start page. */
export function BackLink() {
  const l = legalText();
  const code = eventFromQuery();
  return (
    <p class="back-link">
      <a href={code ? `/j/${code}` : '/'}>{code ? l.backToEvent : l.home}</a>
    </p>
  );
}

/** Links between the published texts, keeping the event the person came from. */
export function LegalLinks() {
  const l = legalText().links;
  const code = eventFromQuery();
  const query = code ? `?event=${code}` : '';
  return (
    <nav class="legal-links" aria-label={`${l.privacy}, ${l.accessibility}, ${l.easy}`}>
      <a href={`/privacy${query}`}>{l.privacy}</a> · <a href={`/accessibility${query}`}>{l.accessibility}</a>{' '}
      ·{' '}
      <a href={`/leichte-sprache${query}`} lang="de">
        {l.easy}
      </a>
    </nav>
  );
}

export function Unset() {
  return <span class="muted">{legalText().notConfigured}</span>;
}

/** A contact that is an e-mail address or a web address becomes a link; anything else stays text. */
export function Contact({ value }: { value: string }) {
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return <a href={`mailto:${value}`}>{value}</a>;
  if (/^https?:\/\/\S+$/.test(value)) return <a href={value}>{value}</a>;
  return <span>{value}</span>;
}

export function Operator({ site }: { site: Site | null }) {
  const op = site?.operator;
  if (!op?.name && !op?.address && !op?.contact) {
    return (
      <p data-testid="operator">
        <Unset />
      </p>
    );
  }
  return (
    <address data-testid="operator">
      {op.name && <strong>{op.name}</strong>}
      {op.address?.map((line) => (
        <span key={line} class="address-line">
          {line}
        </span>
      ))}
      {op.contact && <Contact value={op.contact} />}
    </address>
  );
}
