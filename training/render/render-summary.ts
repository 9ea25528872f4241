/** Counts what a render wrote, for the summary it prints (and the report a training run is judged by). */
export class RenderSummary {
  examples = 0;
  /** Examples whose canvas is longer than the model reads. */
  tooLong = 0;
  /** Examples with a value longer than its hole may grow (infill would cut it short). */
  valueTooLong = 0;
  /** Examples the skeleton cannot write (a value outside its hole's language); should stay 0. */
  refused = 0;
  readonly refusals: string[] = [];
  finalSequences = 0;
  /** Value rounds before the last: a value longer than its hole's budget, written up to it without a pad. */
  growthSequences = 0;
  decisionSequences = 0;
  /** Decision canvases left out by --decision-share or --decision-repeats below 1. */
  decisionsLeftOut = 0;
  tokens = 0;
  longest = 0;
  /** By role; the decision canvases are counted in infill's roles (their decision holes as role 2). */
  readonly roleCounts = [0, 0, 0, 0, 0, 0];
  /** Pad tokens among the hole tokens (roles 2 and 5). */
  holePads = 0;
  /** Role-2 tokens of decision holes (the rest are value holes). */
  decisionTargets = 0;
  private readonly started = performance.now();
  private readonly startedCpu = process.cpuUsage();

  constructor(private readonly padTokenId: number) {}

  addSequence(tokens: readonly number[], roles: readonly number[], kind: 'final' | 'growth' | 'decision', decisionMask?: readonly boolean[]): void {
    if (kind === 'final') this.finalSequences++;
    else if (kind === 'growth') this.growthSequences++;
    else this.decisionSequences++;
    this.tokens += tokens.length;
    this.longest = Math.max(this.longest, tokens.length);
    roles.forEach((role, position) => {
      this.roleCounts[role] = (this.roleCounts[role] ?? 0) + 1;
      if ((role === 2 || role === 5) && tokens[position] === this.padTokenId) this.holePads++;
      if (decisionMask?.[position]) this.decisionTargets++;
    });
  }

  refuse(id: string, message: string): void {
    this.refused++;
    if (this.refusals.length < 5) this.refusals.push(`${id}: ${message}`);
  }

  get seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** CPU time of this process (all threads), which other work on shared cores does not inflate. */
  get cpuSeconds(): number {
    const used = process.cpuUsage(this.startedCpu);
    return (used.user + used.system) / 1e6;
  }

  format(name: string): string {
    const sequences = this.finalSequences + this.growthSequences + this.decisionSequences;
    const holes = (this.roleCounts[2] ?? 0) + (this.roleCounts[5] ?? 0);
    const share = (count: number, of: number) => `${((100 * count) / Math.max(1, of)).toFixed(1)}%`;
    const lines = [
      `${name}: ${this.examples.toLocaleString('en')} examples in ${this.seconds.toFixed(1)} s, ${this.cpuSeconds.toFixed(1)} s of CPU ` +
        `(${((this.cpuSeconds * 1000) / Math.max(1, this.examples)).toFixed(2)} ms each)`,
      `  sequences ${sequences.toLocaleString('en')}: ${this.finalSequences.toLocaleString('en')} final, ` +
        `${this.growthSequences.toLocaleString('en')} value rounds before a hole grows, ${this.decisionSequences.toLocaleString('en')} decision rounds (copies included)` +
        (this.decisionsLeftOut > 0 ? ` (${this.decisionsLeftOut.toLocaleString('en')} left out)` : ''),
      `  tokens ${this.tokens.toLocaleString('en')}, mean length ${(this.tokens / Math.max(1, sequences)).toFixed(1)}, max ${this.longest}`,
      `  roles: prompt ${share(this.roleCounts[0] ?? 0, this.tokens)}, structure ${share(this.roleCounts[1] ?? 0, this.tokens)}, ` +
        `hole ${share(holes, this.tokens)} (${share(this.holePads, holes)} of them pads, ` +
        `${share(this.decisionTargets, holes)} decision-hole tokens, ${share(this.roleCounts[5] ?? 0, holes)} tokens of normalised values)` +
        ((this.roleCounts[3] ?? 0) > 0 ? `, fixed mask ${share(this.roleCounts[3] ?? 0, this.tokens)}` : ''),
      `  skipped: ${this.tooLong.toLocaleString('en')} canvases too long (${share(this.tooLong, this.examples)}), ` +
        `${this.valueTooLong.toLocaleString('en')} values longer than a hole may grow, ${this.refused} refused`,
    ];
    for (const refusal of this.refusals) lines.push(`    ${refusal}`);
    return lines.join('\n');
  }
}
