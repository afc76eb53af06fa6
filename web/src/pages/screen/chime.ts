import { store } from '../../lib/storage.js';

const SOUND_KEY = 'tw.screenSound';
let audio: AudioContext | null = null;

export const soundWanted = () => store.get(SOUND_KEY) === 'on';

/**
 * Switching the chime on is a click on the screen page: browsers let a page play sound only after a
 * gesture, and the audio context made here stays allowed for the rest of the visit.
 */
export function setSound(on: boolean): void {
  store.set(SOUND_KEY, on ? 'on' : 'off');
  if (on) unlockAudio();
}

export function unlockAudio(): void {
  if (typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  void audio.resume();
}

/** A soft three-note gong, made in the browser (no sound file to fetch). */
export function playChime(): void {
  if (!soundWanted() || !audio || audio.state !== 'running') return;
  const start = audio.currentTime + 0.05;
  [659.25, 523.25, 392].forEach((frequency, i) => {
    const at = start + i * 0.45;
    const tone = audio!.createOscillator();
    const gain = audio!.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.35, at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.4);
    tone.connect(gain).connect(audio!.destination);
    tone.start(at);
    tone.stop(at + 1.5);
  });
}
