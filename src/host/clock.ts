import { type Instant } from '../core/time';

/** Where the host reads the time. The system clock in use; a manual one in the test API. */
export interface HostClock {
  now(): Instant;
}

export const systemClock: HostClock = {
  now: () => ({ wallMs: Date.now(), monoMs: performance.now() }),
};
