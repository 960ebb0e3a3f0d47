/**
 * Ctrl-C during `npm run load` stops the phase running and skips the rest; the server and
 * DynamoDB Local are still stopped.
 */
export const interruption = {
  interrupted: false,
  /** Stops the autocannon run in progress, if one is. */
  stopCurrent: null as (() => void) | null,
};

/** Installs the SIGINT handler (which also keeps Node from exiting before the clean-up). */
export function watchInterrupts(): void {
  process.on('SIGINT', () => {
    interruption.interrupted = true;
    interruption.stopCurrent?.();
  });
}
