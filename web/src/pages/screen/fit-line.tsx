import { useEffect, useRef, useState } from 'preact/hooks';
import { measureEm } from './use-seating-layout.js';

/**
 * One line of text as large as `maxPx` allows without wrapping or cutting: a join URL must never break
 * into a lone letter on the next line.
 */
export function FitLine({
  text,
  maxPx,
  weight,
  class: className,
  testId,
}: {
  text: string;
  maxPx: number;
  weight: number;
  class?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLSpanElement>(null);
  const [fontPx, setFontPx] = useState(maxPx);
  useEffect(() => {
    const el = ref.current?.parentElement;
    if (!el) return;
    const refit = () => {
      const em = measureEm(text, weight, getComputedStyle(el).fontFamily) * 1.04;
      setFontPx(Math.min(maxPx, el.clientWidth / em));
    };
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text, maxPx, weight]);
  return (
    <span
      ref={ref}
      class={className}
      data-testid={testId}
      style={{ fontSize: `${fontPx}px`, fontWeight: weight }}
    >
      {text}
    </span>
  );
}
