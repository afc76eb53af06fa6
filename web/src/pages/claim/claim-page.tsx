import { useEffect, useState } from 'preact/hooks';
import { PageHeader } from '../../components/page-header.js';
import type { ParticipantDraft } from '../../components/participant-profile.js';
import { preselectLanguage, t } from '../../i18n/index.js';
import { registrationsText } from '../../i18n/pages/registrations.js';
import { ApiError, api } from '../../lib/api.js';
import { type Route, secretFromHash } from '../../lib/route.js';
import type { ClaimProfile, PublicInfo } from '../../lib/types.js';
import '../../styles/participant.css';
import { participantToken } from '../participant/participant-storage.js';
import { ClaimForm } from './claim-form.js';

type Claim = ClaimProfile;

type Loaded =
  | { state: 'loading' }
  | { state: 'invalid' }
  | { state: 'claimed' }
  | { state: 'error'; message: string }
  | { state: 'ok'; info: PublicInfo; draft: ParticipantDraft };

const toDraft = (p: Claim['profile']): ParticipantDraft => ({
  displayName: p.displayName,
  organisation: p.organisation ?? '',
  role: p.role ?? '',
  stage: p.stage,
  interests: p.interests,
  contact: p.contact ?? '',
  shareContact: false,
  // Seating wishes are not in a registration export: the person states them here, as at a join.
  staySeated: false,
  tableNeeds: [],
});

/** The personal link from a badge or the organiser's mail: `/c/<code>#<claim secret>`. */
export function Page({ route }: { route: Route }) {
  const code = route.page === 'claim' ? route.code : '';
  const secret = secretFromHash();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const goToEvent = () => location.replace(`/j/${code}`);

  useEffect(() => {
    // This phone already takes part: the badge brings the person back to their own page.
    if (participantToken.get(code)) return goToEvent();
    if (!secret) return setLoaded({ state: 'invalid' });
    Promise.all([api<PublicInfo>(`/api/events/${code}`), api<Claim>(`/api/events/${code}/claim`, { secret })])
      .then(([info, claim]) => {
        preselectLanguage(info.language);
        setLoaded(
          claim.claimed ? { state: 'claimed' } : { state: 'ok', info, draft: toDraft(claim.profile) },
        );
      })
      .catch((error) => {
        if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
          setLoaded({ state: 'invalid' });
        } else setLoaded({ state: 'error', message: t().errors.network });
      });
  }, [code]);

  const dict = t();
  const c = registrationsText().claim;
  return (
    <main class="phone">
      <PageHeader title={loaded.state === 'ok' ? loaded.info.title : 'Tischwechsel'} />
      {loaded.state === 'loading' && (
        <p role="status" class="notice">
          {dict.loading}
        </p>
      )}
      {loaded.state === 'error' && (
        <p role="alert" class="notice">
          {loaded.message}
        </p>
      )}
      {(loaded.state === 'invalid' || loaded.state === 'claimed') && (
        <div class="notice" role="status">
          <p>{loaded.state === 'invalid' ? c.invalidLink : c.alreadyClaimed}</p>
          <p>
            <a class="button primary" href={`/j/${code}`}>
              {c.joinInstead}
            </a>
          </p>
        </div>
      )}
      {loaded.state === 'ok' && secret && (
        <ClaimForm
          info={loaded.info}
          secret={secret}
          initial={loaded.draft}
          onClaimed={(token) => {
            participantToken.set(code, token);
            goToEvent();
          }}
        />
      )}
    </main>
  );
}
