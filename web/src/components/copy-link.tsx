import { useState } from 'preact/hooks';
import { t } from '../i18n/index.js';

/** A link shown in full (people read it aloud or type it), with a copy button. */
export function CopyLink({
  id,
  title,
  href,
  hint,
}: {
  id: string;
  title: string;
  href: string;
  hint?: string;
}) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard
      ?.writeText(href)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  return (
    <div class="copy-link">
      <h3 id={`${id}-title`}>{title}</h3>
      {hint && <p class="muted small">{hint}</p>}
      <p class="link-line">
        <a href={href} data-testid={`${id}-link`} class="link-text">
          {href}
        </a>
        <button type="button" class="small-button" onClick={copy} aria-describedby={`${id}-title`}>
          {copied ? t().copied : t().copy}
        </button>
      </p>
    </div>
  );
}
