import { chooseLanguage, lang, t } from '../i18n/index.js';

/** One button that offers the other language, labelled in that language. */
export function LanguageSwitch() {
  const other = lang.value === 'de' ? 'en' : 'de';
  return (
    <button
      type="button"
      class="lang-switch"
      lang={other}
      onClick={() => chooseLanguage(other)}
      data-testid="lang-switch"
    >
      {t().switchLanguage}
    </button>
  );
}
