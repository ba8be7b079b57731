import type { DatasetVersionCreatedV1 } from '@llmops/contracts';

type CardInput = Omit<
  DatasetVersionCreatedV1,
  'datasetId' | 'versionId' | 'version' | 'createdAt' | 'dataCard'
> & {
  datasetName: string;
  recipeName?: string | undefined;
};

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

function table(rows: [string, string | number][]): string {
  if (rows.length === 0) return '_none_\n';
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n') + '\n';
}

/**
 * `datacard.md`: what a reviewer needs before training on the version — where it came from, what
 * cleaning removed and why, the splits, languages and PII handling — generated, never hand-edited.
 */
export function renderDataCard(input: CardInput): string {
  const s = input.profileSummary;
  const origin =
    input.origin.kind === 'source'
      ? `source \`${input.origin.sourceId}\` (${input.origin.sourceKind})`
      : input.origin.kind === 'labeling-export'
        ? `labeling export \`${input.origin.exportId}\` of project \`${input.origin.projectId}\``
        : 'derived from its parent versions';
  const dropped = Object.entries(s.droppedByReason).sort((a, b) => b[1] - a[1]);
  const pii = Object.entries(s.piiRedactionsByType).sort((a, b) => b[1] - a[1]);
  const languages = Object.entries(s.languages).sort((a, b) => b[1] - a[1]);
  return [
    `# Data card: ${input.datasetName}`,
    '',
    `- **Record shape:** ${input.recordShape}`,
    `- **Origin:** ${origin}`,
    `- **Recipe:** ${input.recipe ? `${input.recipeName ?? input.recipe.recipeId} v${input.recipe.version}` : 'none (records kept as read)'}`,
    `- **Parents:** ${input.parents.length === 0 ? 'none (first import)' : input.parents.map((p) => `v${p.version} (\`${p.versionId}\`)`).join(', ')}`,
    '',
    '## Size and splits',
    '',
    table([
      ['records read', s.inputRecords],
      ['records kept', input.counts.total],
      ['train', `${input.counts.train} (${pct(input.splitRatios.train)} target)`],
      ['validation', `${input.counts.validation} (${pct(input.splitRatios.validation)} target)`],
      ['test', `${input.counts.test} (${pct(input.splitRatios.test)} target)`],
      [`tokens (${s.tokenizer})`, s.tokens],
      ['mean characters per record', s.meanChars.toFixed(1)],
    ]),
    "Splits are assigned by a hash of each record's normalised text, so exact duplicates always share a split and the test split stays held out across versions.",
    '',
    '## What cleaning removed',
    '',
    table(dropped.map(([reason, n]) => [reason, n])),
    '## Personal data',
    '',
    pii.length === 0
      ? 'No PII redactions were made (or the recipe has no PII step).\n'
      : table(pii.map(([type, n]) => [`${type} redacted`, n])),
    '## Languages',
    '',
    table(languages.map(([lang, share]) => [lang, pct(share)])),
    '## Files',
    '',
    `- Manifest: \`${input.manifest.uri}\` (sha256 \`${input.manifest.sha256}\`)`,
    `- Shards: ${input.shardCount} under \`${input.shardsPrefix}\``,
    `- Profile: \`${input.profile.uri}\``,
    '',
  ].join('\n');
}
