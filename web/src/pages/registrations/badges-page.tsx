import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { registrationsText } from '../../i18n/pages/registrations.js';
import { api } from '../../lib/api.js';
import { errorText } from '../../lib/error-text.js';
import { type Route, secretFromHash } from '../../lib/route.js';
import '../../styles/badges.css';
import { BADGE_SIZES, BadgeSheets, type BadgeSize, type Printables, TableCards } from './badge-sheets.js';

type What = 'both' | 'badges' | 'cards';

/** Name badges and table cards on A4 sheets, drawn by the server, printed from the browser. */
export function Page({ route }: { route: Route }) {
  const code = route.page === 'badges' ? route.code : '';
  const [data, setData] = useState<Printables | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [size, setSize] = useState<BadgeSize>('90x55');
  const [showStage, setShowStage] = useState(true);
  const [what, setWhat] = useState<What>('both');
  const b = registrationsText().badges;

  useEffect(() => {
    api<Printables>(`/api/events/${code}/badges`, { secret: secretFromHash() })
      .then(setData)
      .catch((e) => setError(errorText(e)));
  }, [code]);

  if (error || !data) {
    return (
      <main class="print-sheets">
        <p role={error ? 'alert' : 'status'} class="notice">
          {error ?? t().loading}
        </p>
      </main>
    );
  }
  return (
    <main class="print-sheets">
      <div class="sheet-tools no-print">
        <h1>{b.heading(data.title)}</h1>
        <div class="field">
          <label for="badge-size">{b.size}</label>
          <select id="badge-size" value={size} onChange={(e) => setSize(e.currentTarget.value as BadgeSize)}>
            {Object.keys(BADGE_SIZES).map((s) => (
              <option key={s} value={s}>
                {b.sizes[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="print-what">{b.what}</label>
          <select id="print-what" value={what} onChange={(e) => setWhat(e.currentTarget.value as What)}>
            <option value="both">{b.both}</option>
            <option value="badges">{b.onlyBadges}</option>
            <option value="cards">{b.onlyCards}</option>
          </select>
        </div>
        <label class="choice">
          <input
            type="checkbox"
            checked={showStage}
            onChange={(e) => setShowStage(e.currentTarget.checked)}
          />
          <span>{b.showStage}</span>
        </label>
        <button type="button" class="primary" onClick={() => window.print()}>
          {b.print}
        </button>
        <p class="muted small">{b.hint}</p>
        {data.badges.length === 0 && <p>{b.none}</p>}
      </div>
      {what !== 'cards' && <BadgeSheets data={data} size={size} showStage={showStage} />}
      {what !== 'badges' && <TableCards data={data} />}
    </main>
  );
}
