import { CopyLink } from '../../components/copy-link.js';
import { t } from '../../i18n/index.js';
import type { CreatedEvent } from '../../lib/types.js';

/** The three links right after creating: the only moment the screen and moderator secrets are shown. */
export function CreatedLinks({ created }: { created: CreatedEvent }) {
  const s = t().start;
  return (
    <section class="panel created" aria-labelledby="created-heading">
      <h2 id="created-heading" tabIndex={-1}>
        {s.createdHeading}
      </h2>
      <p>{s.createdIntro}</p>
      <div class="created-grid">
        <img
          class="qr"
          src={`/api/events/${created.code}/qr.svg`}
          alt={t().screen.qrAlt(created.links.join)}
          width={220}
          height={220}
        />
        <div>
          <CopyLink id="join" title={s.joinLink} href={created.links.join} hint={s.joinHint} />
          <CopyLink
            id="moderator"
            title={s.moderatorLink}
            href={created.links.moderator}
            hint={s.moderatorHint}
          />
          <CopyLink id="screen" title={s.screenLink} href={created.links.screen} hint={s.screenHint} />
        </div>
      </div>
      <p>
        <a class="button primary" href={created.links.moderator} data-testid="open-console">
          {s.openConsole}
        </a>
      </p>
    </section>
  );
}
