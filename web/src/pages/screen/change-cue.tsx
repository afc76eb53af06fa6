import { t } from '../../i18n/index.js';

/** The end of a round, full screen, so the whole room sees it at once: what now, and what comes next. */
export function ChangeCue({ nextStep, overlay }: { nextStep: string; overlay: boolean }) {
  return (
    <section
      class={overlay ? 'change-cue overlay' : 'change-cue'}
      data-testid="change-cue"
      aria-live="polite"
    >
      <h2 class="cue-headline">{t().screen.changeTables}</h2>
      <p class="cue-next">{nextStep}</p>
    </section>
  );
}
