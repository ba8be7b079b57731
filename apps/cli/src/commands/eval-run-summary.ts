import type { SuiteOutcome } from '@llmops/eval-suite';

/** What the summary says about the run besides the outcome. */
export interface RunDescription {
  readonly suiteFile: string;
  readonly dataFile: string;
  readonly records: number;
  readonly skipped: number;
  readonly candidate: string;
  readonly champion: string | null;
  readonly confidenceLevel: number;
}

const num = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(4));

/** Columns two spaces apart; `align` has one letter per column: `l` for text, `r` for numbers. */
function table(align: string, rows: readonly (readonly string[])[]): string[] {
  const widths = rows.reduce<number[]>(
    (w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)),
    [],
  );
  return rows.map((row) =>
    row
      .map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** The human summary of `llmops eval run`: what ran, metrics, comparison, probes, gate and warnings. */
export function formatRunSummary(outcome: SuiteOutcome, run: RunDescription): string {
  const skipped =
    run.skipped > 0
      ? `, ${String(run.skipped)} skipped (no reference answer: plain text or no final answer)`
      : '';
  const lines = [
    `suite     ${run.suiteFile}`,
    `data      ${run.dataFile}: ${String(outcome.itemCount)} items from ${String(run.records)} records` +
      skipped,
    `model     ${run.candidate}`,
    ...(run.champion ? [`champion  ${run.champion}`] : []),
    '',
    ...metricLines(outcome, run),
  ];
  if (outcome.probes.length > 0) {
    lines.push(
      '',
      ...table('lrrl', [
        ['probe', 'score', 'flagged', ''],
        ...outcome.probes.map((p) => [
          p.probe,
          num(p.score),
          `${String(p.flaggedCount)}/${String(p.itemCount)}`,
          p.higherIsWorse ? 'higher is worse' : 'higher is better',
        ]),
      ]),
    );
  }
  lines.push('', ...gateLines(outcome));
  if (outcome.warnings.length > 0) {
    lines.push('', 'warnings', ...outcome.warnings.map((w) => `  ${w.code}: ${w.message}`));
  }
  return `${lines.join('\n')}\n`;
}

function metricLines(outcome: SuiteOutcome, run: RunDescription): string[] {
  const names = Object.keys(outcome.metrics);
  if (!outcome.championMetrics) {
    return table('lr', [
      ['metric', 'value'],
      ...names.map((name) => [name, num(outcome.metrics[name] ?? NaN)]),
    ]);
  }
  const level = `${String(Math.round(run.confidenceLevel * 100))}% CI`;
  const rows = names.map((name) => {
    const candidate = num(outcome.metrics[name] ?? NaN);
    const c = outcome.comparisons?.find((x) => x.metric === name);
    if (!c) {
      const champion = outcome.championMetrics?.[name];
      return [name, candidate, champion === undefined ? '' : num(champion), '', '', ''];
    }
    const sign = c.difference > 0 ? '+' : '';
    return [
      name,
      candidate,
      num(c.champion),
      `${sign}${num(c.difference)}`,
      `[${num(c.ciLow)}, ${num(c.ciHigh)}]`,
      c.verdict,
    ];
  });
  return table('lrrrll', [['metric', 'candidate', 'champion', 'difference', level, 'verdict'], ...rows]);
}

function gateLines(outcome: SuiteOutcome): string[] {
  const { gate } = outcome;
  if (!gate) return ['gate      none (the suite has no "gate")'];
  const passed = gate.reasons.filter((r) => r.passed).length;
  return [
    `gate      ${gate.verdict.toUpperCase()} (${String(passed)}/${String(gate.reasons.length)} rules passed)`,
    ...gate.reasons.map((r) => `  ${r.passed ? 'pass' : 'FAIL'}  ${r.rule}: ${r.message}`),
  ];
}
