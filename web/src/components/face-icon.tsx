/** The three feedback faces as drawings: no emoji font needed (venue PCs and projectors often lack one). */
export type Face = 'good' | 'okay' | 'poor';

const MOUTHS: Record<Face, string> = {
  good: 'M15 28 Q24 36 33 28',
  okay: 'M15 30 L33 30',
  poor: 'M15 33 Q24 25 33 33',
};

export function FaceIcon({ face, size = 48 }: { face: Face; size?: number }) {
  return (
    <svg
      class="face-icon"
      data-face-icon={face}
      viewBox="0 0 48 48"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" stroke-width="3" />
      <circle cx="17" cy="19" r="2.6" fill="currentColor" />
      <circle cx="31" cy="19" r="2.6" fill="currentColor" />
      <path d={MOUTHS[face]} fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
    </svg>
  );
}

export const FACES: Face[] = ['good', 'okay', 'poor'];
