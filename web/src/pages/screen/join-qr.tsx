import { t } from '../../i18n/index.js';

/** The server draws the QR code; no third party ever sees the join link. */
export function JoinQr({ code, joinUrl, size }: { code: string; joinUrl: string; size: 'big' | 'small' }) {
  return (
    <img
      class={`qr qr-${size}`}
      src={`/api/events/${code}/qr.svg`}
      alt={t().screen.qrAlt(joinUrl)}
      width={size === 'big' ? 560 : 200}
      height={size === 'big' ? 560 : 200}
    />
  );
}
