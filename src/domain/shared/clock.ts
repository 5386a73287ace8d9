/** The current instant. Injected everywhere so tests and `--now` runs control time. */
export interface Clock {
  /** Now, as a JS Date (an instant; zone-free). */
  now(): Date;
}

/** The real clock, for the composition root only. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put, for tests and one-off CLI passes. */
export function fixedClock(at: Date | string): Clock & { set(to: Date | string): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to);
    },
  };
}
