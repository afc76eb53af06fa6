import QRCode from 'qrcode';
import type { RegistrationRow } from '../../db/schema/index.js';
import { claimLink } from '../../security/claim-links.js';
import type { EventState } from '../event-state.js';

const qr = (text: string) => QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });

/** "Anna Maria Schmidt" → large "Anna", small "Maria Schmidt". */
function splitName(name: string) {
  const [first = name, ...rest] = name.split(' ');
  return { firstName: first, restName: rest.join(' ') };
}

/**
 * Name badges carry the personal QR code, which holds nothing but the claim link; table cards carry
 * the event's join QR code, for walk-ins.
 */
export async function printables(
  state: EventState,
  registrations: RegistrationRow[],
  links: { publicUrl: string; secretOf: (registrationId: string) => string },
) {
  const { catalogue, code } = state.event;
  const stages = new Map(catalogue.stages.map((s) => [s.value, s]));
  const topics = new Map(catalogue.interests.map((i) => [i.key, i.label]));
  const joinLink = `${links.publicUrl}/j/${code}`;
  const joinQr = await qr(joinLink);
  const badges = await Promise.all(
    registrations.map(async (r) => {
      const stage = r.stage === null ? undefined : stages.get(r.stage);
      return {
        id: r.id,
        ...splitName(r.displayName),
        organisation: r.organisation,
        stage: stage ? { value: stage.value, label: stage.label } : null,
        qrSvg: await qr(claimLink(links.publicUrl, code, links.secretOf(r.id))),
      };
    }),
  );
  return {
    title: state.event.title,
    joinLink,
    stageCount: catalogue.stages.length,
    badges,
    tables: state.tables.map((t) => ({
      label: t.label,
      topic: t.topic ? (topics.get(t.topic) ?? null) : null,
      qrSvg: joinQr,
    })),
  };
}
