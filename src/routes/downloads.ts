import type { FastifyReply } from 'fastify';

const MEDIA = { csv: 'text/csv', md: 'text/markdown', vcf: 'text/vcard' } as const;

/**
 * A file to save: `tischwechsel-<name>.<extension>`, UTF-8. A CSV starts with a byte-order mark so
 * spreadsheet apps read the umlauts as UTF-8.
 */
export function sendDownload(
  reply: FastifyReply,
  name: string,
  extension: keyof typeof MEDIA,
  body: string,
): FastifyReply {
  return reply
    .type(`${MEDIA[extension]}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="tischwechsel-${name}.${extension}"`)
    .send(extension === 'csv' ? `\ufeff${body}` : body);
}
