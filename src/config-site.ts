import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max).optional();

/**
 * Who runs this installation, for the privacy page and the accessibility statement a public body must
 * publish. All optional: the pages then say plainly that the operator has not filled them in.
 */
export const siteEnvShape = {
  OPERATOR_NAME: text(200),
  /** Postal address; "|" or "\n" separate the lines. */
  OPERATOR_ADDRESS: text(400),
  /** E-mail address, phone or URL of the operator. */
  OPERATOR_CONTACT: text(200),
  /** The data-protection officer: name and how to reach them. */
  DPO_CONTACT: text(300),
  /** Where people report accessibility barriers; the operator's contact when unset. */
  ACCESSIBILITY_CONTACT: text(200),
  /** The enforcement/arbitration body of the accessibility laws (e.g. Berlin's Landesbeauftragte). */
  ENFORCEMENT_BODY_NAME: text(200),
  ENFORCEMENT_BODY_URL: z.url({ protocol: /^https?$/ }).optional(),
};

export interface SiteConfig {
  OPERATOR_NAME?: string | undefined;
  OPERATOR_ADDRESS?: string | undefined;
  OPERATOR_CONTACT?: string | undefined;
  DPO_CONTACT?: string | undefined;
  ACCESSIBILITY_CONTACT?: string | undefined;
  ENFORCEMENT_BODY_NAME?: string | undefined;
  ENFORCEMENT_BODY_URL?: string | undefined;
}

/** What the public pages show; null where the operator set nothing. */
export function siteInfo(config: SiteConfig) {
  const or = (v: string | undefined) => v ?? null;
  return {
    operator: {
      name: or(config.OPERATOR_NAME),
      address: config.OPERATOR_ADDRESS ? config.OPERATOR_ADDRESS.split(/\s*(?:\||\\n|\n)\s*/) : null,
      contact: or(config.OPERATOR_CONTACT),
    },
    dpo: or(config.DPO_CONTACT),
    accessibility: {
      contact: or(config.ACCESSIBILITY_CONTACT ?? config.OPERATOR_CONTACT),
      enforcementBody: config.ENFORCEMENT_BODY_NAME
        ? { name: config.ENFORCEMENT_BODY_NAME, url: or(config.ENFORCEMENT_BODY_URL) }
        : null,
    },
  };
}
export type SiteInfo = ReturnType<typeof siteInfo>;
