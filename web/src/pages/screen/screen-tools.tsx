import { useEffect, useState } from 'preact/hooks';
import { LanguageSwitch } from '../../components/language-switch.js';
import { t } from '../../i18n/index.js';
import { setSound, soundWanted, unlockAudio } from './chime.js';

const IDLE_MS = 4000;

/**
 * Language and chime for whoever stands at the projector laptop. They fade out when the mouse rests,
 * so nothing sits on the image the room sees; a mouse move or the keyboard brings them back.
 */
export function ScreenTools() {
  // Hidden from the start: the room sees a clean image until someone moves the mouse or presses Tab.
  const [idle, setIdle] = useState(true);
  const [sound, setSoundState] = useState(soundWanted);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), IDLE_MS);
    };
    // Any gesture also lets a remembered "chime on" play after a reload.
    const unlock = () => soundWanted() && unlockAudio();
    window.addEventListener('pointermove', wake);
    window.addEventListener('keydown', wake);
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('keydown', wake);
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  return (
    <div class={idle ? 'screen-tools idle' : 'screen-tools'} data-testid="screen-tools">
      <button
        type="button"
        class="sound-switch"
        aria-pressed={sound}
        data-testid="sound-switch"
        onClick={() => {
          setSound(!sound);
          setSoundState(!sound);
        }}
      >
        {t().screen.sound}
      </button>
      <LanguageSwitch />
    </div>
  );
}
