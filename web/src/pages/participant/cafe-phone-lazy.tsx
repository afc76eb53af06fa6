import { useEffect, useState } from 'preact/hooks';
import type { CafePhone } from './cafe-phone.js';

type Component = typeof CafePhone;
let loaded: Component | null = null;

/** Loads the harvest and feedback parts only once a round gives them something to show (join page budget). */
export function LazyCafePhone(props: Parameters<Component>[0]) {
  const [Loaded, setLoaded] = useState<Component | null>(() => loaded);
  const wanted = props.view.cafe.harvest !== null || props.view.cafe.feedback !== null;
  useEffect(() => {
    if (Loaded || !wanted) return;
    import('./cafe-phone.js')
      .then((module) => {
        loaded = module.CafePhone;
        setLoaded(() => module.CafePhone);
      })
      .catch(() => {
        // Offline for a moment: the next view change tries again.
      });
  }, [Loaded, wanted, props.view]);
  return Loaded ? <Loaded {...props} /> : null;
}
