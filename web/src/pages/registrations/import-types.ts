/** POST /api/events/:code/registrations/preview */
export interface ImportMapping {
  ticket: string[];
  name?: string;
  givenName?: string;
  familyName?: string;
  organisation?: string;
  email?: string;
  role?: string;
  stage?: string;
  interests?: string;
  status?: string;
}
export type ValueField = 'role' | 'stage' | 'interests';
export type ValueMap = Partial<Record<ValueField, Record<string, string | null>>>;

export interface ImportPreview {
  format: 'csv' | 'pretix-json';
  columns: string[];
  mapping: ImportMapping | null;
  people: {
    line: number;
    ticketId: string;
    displayName: string;
    organisation: string | null;
    role: string | null;
    status: 'new' | 'update' | 'claimed';
  }[];
  errors: { line: number; field: string; problem: string; message: string }[];
  unknown: { line: number; field: ValueField | 'email'; value: string }[];
  skipped: number;
}

/** GET /api/events/:code/registrations */
export interface RegistrationList {
  expected: number;
  claimed: number;
  registrations: {
    id: string;
    ticketId: string;
    displayName: string;
    organisation: string | null;
    claimed: boolean;
  }[];
}
