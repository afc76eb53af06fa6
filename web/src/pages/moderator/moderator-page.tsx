import { useEffect, useState } from 'preact/hooks';
import { PageHeader } from '../../components/page-header.js';
import { t } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import { type Route, secretFromHash } from '../../lib/route.js';
import type { Catalogue, PublicInfo } from '../../lib/types.js';
import '../../styles/moderator.css';
import { useLiveView } from '../../lib/use-live-view.js';
import { EventPanel } from './event-panel.js';
import { FeedbackPanel } from './feedback-panel.js';
import { HarvestPanel } from './harvest-panel.js';
import { ModeratorContext } from './moderator-context.js';
import { PeoplePanel } from './people-panel.js';
import { PlanStatus } from './plan-status.js';
import { QualityPanel } from './quality-panel.js';
import { QuestionsPanel } from './questions-panel.js';
import { RoundControls } from './round-controls.js';
import { SettingsPanel } from './settings-panel.js';
import { TablesPanel } from './tables-panel.js';
import { WalkInForm } from './walk-in-form.js';

export function Page({ route }: { route: Route }) {
  const code = route.page === 'moderator' ? route.code : '';
  const [secret] = useState(secretFromHash);
  const { view, status, gone, serverNow } = useLiveView('moderator', code, secret, (v) => v.event.language);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const m = t().moderator;

  useEffect(() => {
    api<PublicInfo>(`/api/events/${code}`)
      .then((info) => setCatalogue(info.catalogue))
      .catch(() => setCatalogue(null));
  }, [code]);

  if (gone || !secret) {
    return (
      <main class="console">
        <PageHeader title={m.title} />
        <p class="notice" role="alert">
          {gone === 'erased' ? m.erased : m.badLink}
        </p>
        <p>
          <a href="/new">{m.newEvent}</a>
        </p>
      </main>
    );
  }
  if (!view || !catalogue) {
    return (
      <main class="console">
        <PageHeader title={m.title} />
        <p class="notice" role="status">
          {t().loading}
        </p>
      </main>
    );
  }

  return (
    <ModeratorContext.Provider value={{ code, secret }}>
      <main class="console">
        <PageHeader title={view.event.title}>
          <span class="phase-pill" data-phase={view.event.phase}>
            {m.phases[view.event.phase]}
          </span>
        </PageHeader>
        {status === 'reconnecting' && (
          <p class="reconnecting" role="status">
            {t().live.reconnecting}
          </p>
        )}
        <RoundControls view={view} serverNow={serverNow} />
        <div class="console-grid">
          <div class="console-main">
            <PlanStatus view={view} />
            <PeoplePanel view={view} catalogue={catalogue} />
          </div>
          <div class="console-side">
            <EventPanel view={view} />
            <SettingsPanel view={view} />
            <TablesPanel view={view} catalogue={catalogue} />
            <QuestionsPanel view={view} />
            {view.event.phase !== 'finished' && <WalkInForm catalogue={catalogue} />}
          </div>
        </div>
        <HarvestPanel view={view} />
        <QualityPanel view={view} catalogue={catalogue} />
        <FeedbackPanel view={view} />
      </main>
    </ModeratorContext.Provider>
  );
}
