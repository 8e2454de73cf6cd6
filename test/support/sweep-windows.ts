/** Calls a planner as the sweep would, every `everyHours` from `from` to `to`, the first call without `since`. */
export function sweepWindows<Input, Output>(
  planner: (input: Input & { since?: Date; now: Date }) => Output[],
  input: Input,
  from: string,
  to: string,
  everyHours = 6,
): Output[][] {
  const batches: Output[][] = [];
  let since: Date | undefined;
  for (let at = Date.parse(from); at <= Date.parse(to); at += everyHours * 3_600_000) {
    const now = new Date(at);
    batches.push(planner({ ...input, since, now }));
    since = now;
  }
  return batches;
}
