/**
 * Waits for a condition, never for a fixed time. The deadline only turns a hang into a clear failure;
 * it is sized for a machine whose cores are busy with other work.
 */
export async function until(check: () => boolean | Promise<boolean>, what = 'condition', timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
