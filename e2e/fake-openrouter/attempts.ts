// Runs in the fake OpenRouter process: counts identical chat requests, so a flaky model can fail the first few
// attempts of a request and answer a later one (what a client's automatic retry meets).

export class AttemptCounter {
  private readonly counts = new Map<string, number>();

  /** 1 for the first request with this key, 2 for the next, and so on. */
  next(key: string): number {
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count;
  }

  reset(): void {
    this.counts.clear();
  }
}
