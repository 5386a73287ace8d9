/** A calendar date in Europe/London, written YYYY-MM-DD. Deadlines end at the close of this day. */
export type IsoDate = string;

/** The zone every statutory clock is counted in. */
export const LONDON = "Europe/London";
