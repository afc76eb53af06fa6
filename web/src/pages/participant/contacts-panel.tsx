import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { api, downloadFile } from '../../lib/api.js';
import { errorText } from '../../lib/error-text.js';
import type { SharedContact } from '../../lib/types.js';

/** After the event: the people I met who, like me, chose to share their contact. */
export function ContactsPanel({ token, sharing }: { token: string; sharing: boolean }) {
  const c = t().contacts;
  const [contacts, setContacts] = useState<SharedContact[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<{ contacts: SharedContact[] }>('/api/me/contacts', { secret: token })
      .then((r) => setContacts(r.contacts))
      .catch((e) => setError(errorText(e)));
  }, [token]);

  const download = () =>
    downloadFile('/api/me/contacts.vcf', token, 'tischwechsel-contacts.vcf').catch((e) =>
      setError(errorText(e)),
    );

  return (
    <section class="contacts" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{c.heading}</h2>
      {!sharing && <p>{c.notSharing}</p>}
      {error && <p role="alert">{error}</p>}
      {contacts && contacts.length === 0 && sharing && <p>{c.none}</p>}
      {contacts && contacts.length > 0 && (
        <>
          <ul class="contact-list">
            {contacts.map((person) => (
              <li key={person.contact}>
                <strong>{person.name}</strong>
                {person.organisation && <span class="muted"> · {person.organisation}</span>}
                <br />
                <span class="contact-value">{person.contact}</span>
              </li>
            ))}
          </ul>
          <button type="button" class="primary" onClick={download}>
            {c.download}
          </button>
        </>
      )}
    </section>
  );
}
