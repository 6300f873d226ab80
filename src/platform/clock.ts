/** Time comes in through a clock so tests and benchmarks can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (iso: string): Clock & { set(iso: string): void; advanceMs(ms: number): void } => {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (next) => {
      t = new Date(next).getTime();
    },
    advanceMs: (ms) => {
      t += ms;
    },
  };
};

export const isoNow = (clock: Clock): string => clock.now().toISOString();
export const addMs = (d: Date, ms: number): Date => new Date(d.getTime() + ms);
