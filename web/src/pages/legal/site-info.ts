import { useEffect, useState } from 'preact/hooks';
import type { SiteDetails } from '../../../../src/routes/import-responses.js';
import { api } from '../../lib/api.js';

export type Site = SiteDetails;

/** The operator's details from the server's configuration; null until loaded (or when unreachable). */
export function useSiteInfo(): Site | null {
  const [site, setSite] = useState<Site | null>(null);
  useEffect(() => {
    api<Site>('/api/site')
      .then(setSite)
      .catch(() => setSite(null));
  }, []);
  return site;
}
