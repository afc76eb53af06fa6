/** One failed API call in the server's error shape `{error: {code, message, details?}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }

  /** Field errors from a validation failure: `field` → message (the first per field wins). */
  fieldErrors(): Record<string, string> {
    return this.fieldPaths((path) => path.split('.')[0] ?? path);
  }

  /** The same with the whole path (`tables.2.label`), or whatever `key` makes of it. */
  fieldPaths(key: (path: string) => string = (path) => path): Record<string, string> {
    const out: Record<string, string> = {};
    if (!Array.isArray(this.details)) return out;
    for (const d of this.details as { field?: unknown; message?: unknown }[]) {
      if (typeof d?.field !== 'string') continue;
      const field = key(d.field);
      if (!(field in out)) out[field] = typeof d.message === 'string' ? d.message : this.message;
    }
    return out;
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Sent as `Authorization: Bearer …`; secrets never go into a URL. */
  secret?: string | null;
}

async function send(path: string, { method = 'GET', body, secret }: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (secret) headers.authorization = `Bearer ${secret}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'network', undefined);
  }
  if (response.ok) return response;
  let error = { code: 'http_error', message: `HTTP ${response.status}`, details: undefined as unknown };
  try {
    const parsed = (await response.json()) as { error?: typeof error };
    if (parsed.error) error = { ...error, ...parsed.error };
  } catch {
    // A body that is not our error shape (a proxy's HTML page): keep the status line.
  }
  throw new ApiError(response.status, error.code, error.message, error.details);
}

export async function api<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Fetches a protected file and hands it to the browser as a download (a link cannot carry the header). */
export async function downloadFile(path: string, secret: string, filename: string): Promise<void> {
  const blob = await (await send(path, { secret })).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
