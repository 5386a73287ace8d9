// Summaries for the benchmark: every figure is reported as the median over interleaved
// rounds with its spread (min–max), and compared with an anchor measured in the same rounds,
// so a machine that is busy with other work slows both sides alike.

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** "median (min–max)", rounded to `digits`. */
export function spread(xs: number[], digits = 0): string {
  const f = (x: number) => x.toFixed(digits);
  return `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
}

/** The p-th percentile (0–100) of some numbers, nearest rank. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/**
 * Runs `subject` and `anchor` alternately for `rounds` rounds (anchor first in even rounds,
 * subject first in odd ones, so neither always gets the warmer machine) and returns each
 * side's results in round order.
 */
export async function interleaved<T>(rounds: number, subject: () => Promise<T>, anchor: () => Promise<T>): Promise<{ subject: T[]; anchor: T[] }> {
  // Two sides rotated by one each round is exactly this alternation.
  const [a, s] = await rotated(rounds, [anchor, subject]);
  return { subject: s!, anchor: a! };
}

/** One line of the final comparison: a figure, its anchor, their ratio, the goal and whether it is met. */
export interface FigureRow {
  figure: string;
  measured: string;
  anchor: string;
  ratio: string;
  goal: string;
  met: string;
}

/** Prints rows (figures against their anchors, or SQLite beside PostgreSQL) as a table. */
export function printFigures(title: string, rows: FigureRow[] | DatabaseRow[]): void {
  process.stdout.write(`\n${title}\n`);
  console.table(rows);
}

/**
 * {@link interleaved} for any number of sides: each round runs every side once, the order
 * rotated by one each round, so no side always gets the warmer (or the busier) machine.
 * Returns each side's results in round order.
 */
export async function rotated<T>(rounds: number, sides: (() => Promise<T>)[]): Promise<T[][]> {
  const out: T[][] = sides.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < sides.length; k++) {
      const i = (k + r) % sides.length;
      out[i]!.push(await sides[i]!());
    }
  }
  return out;
}

/** One figure measured on both databases, each against its own anchor in the same run. */
export interface DatabaseRow {
  figure: string;
  SQLite: string;
  PostgreSQL: string;
  anchor: string;
  ratio: string;
}
