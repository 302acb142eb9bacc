/** Runs a task when the browser is idle (falls back to a timeout where requestIdleCallback is missing). */
export function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}
