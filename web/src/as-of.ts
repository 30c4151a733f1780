// The "as of" slider's stops: each distinct day on which something in view
// was first reported, then "latest" (no asOf). Replaying those days shows the
// graph as it was known then, without empty stops between reports.

export const LATEST = null;

/** Sorted distinct ISO days from dates or date-times; malformed ones are dropped. */
export function toAsOfSteps(dates: Iterable<string | null | undefined>): string[] {
  const days = new Set<string>();
  for (const date of dates) {
    const day = date?.slice(0, 10);
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) days.add(day);
  }
  return [...days].sort();
}

/** The asOf for a slider position: positions past the last stop mean latest. */
export function toAsOf(steps: readonly string[], position: number): string | null {
  return position >= 0 && position < steps.length ? (steps[position] ?? LATEST) : LATEST;
}
