/** Event codes as people read and type them: shown in capitals in groups of four, typed any way. */
export function formatEventCode(code: string): string {
  return (
    code
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/** What someone typed, as the code in links: case, spaces, dashes and dots do not matter. */
export function normaliseEventCode(typed: string): string | null {
  const code = typed.toLowerCase().replace(/[\s\-_.·]/g, '');
  return /^[a-z0-9]{4,16}$/.test(code) ? code : null;
}
