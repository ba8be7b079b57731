import type { JsonValue } from '@llmops/contracts';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import { MODEL_CARD_SECTIONS, type ModelCardSectionKey } from './model-card-sections';

/** Where a section's body came from. */
export type SectionSource = 'generated' | 'edited' | 'empty';

export interface RenderedSection {
  key: ModelCardSectionKey;
  title: string;
  required: boolean;
  source: SectionSource;
  /** Markdown body; empty when nothing is known and nobody wrote it. */
  body: string;
}

export interface RenderedModelCard {
  sections: RenderedSection[];
  /** Every required section has a body. */
  complete: boolean;
  /** Keys of required sections still empty. */
  missingSections: ModelCardSectionKey[];
  markdown: string;
}

export interface ModelCardInput {
  modelDescription: string;
  version: ModelVersionView;
  /** Bodies people (or evidence) wrote; they replace the generated ones. */
  overrides: Partial<Record<ModelCardSectionKey, string>>;
}

/** Placeholders printed for empty sections; never counted as content. */
const PLACEHOLDER = '_Not documented yet._';

/** Builds a version's model card from what the registry knows plus the edited sections. Pure. */
export function renderModelCard(input: ModelCardInput): RenderedModelCard {
  const generated = generatedBodies(input);
  const sections = MODEL_CARD_SECTIONS.map((s): RenderedSection => {
    const edited = input.overrides[s.key]?.trim();
    if (edited) return { ...s, source: 'edited', body: edited };
    const body = generated[s.key].trim();
    return { ...s, source: body ? 'generated' : 'empty', body };
  });
  const missingSections = sections.filter((s) => s.required && !s.body).map((s) => s.key);
  return {
    sections,
    complete: missingSections.length === 0,
    missingSections,
    markdown: toMarkdown(input.version, sections),
  };
}

function toMarkdown(v: ModelVersionView, sections: RenderedSection[]): string {
  const lines = [`# Model card: ${v.modelName} v${v.version}`, '', ...detailsTable(v), ''];
  for (const s of sections) {
    // Evaluation results print as a subsection of Evaluation: evidence fills it later.
    lines.push(s.key === 'evaluation-results' ? `### ${s.title}` : `## ${s.title}`, '');
    lines.push(s.body || placeholderFor(s.key), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function placeholderFor(key: ModelCardSectionKey): string {
  if (key === 'evaluation-results') {
    return '_Pending: no evaluation evidence attached yet._';
  }
  return PLACEHOLDER;
}

function detailsTable(v: ModelVersionView): string[] {
  const rows: [string, string][] = [
    ['Model', v.modelName],
    ['Version', String(v.version)],
    ['Stage', v.stage],
    ['Format', v.format],
    ['Base model', describeBase(v)],
    ['Method', v.method ?? 'unknown'],
    ['Registered', `${v.registeredAt} by ${v.registeredBy.subject}`],
    ['Source', v.source.kind === 'training-run' ? `training run ${v.source.runId}` : 'manual registration'],
  ];
  if (v.aliases.length > 0) rows.push(['Aliases', v.aliases.join(', ')]);
  return ['| | |', '|---|---|', ...rows.map(([k, val]) => `| ${k} | ${cell(val)} |`)];
}

function generatedBodies(input: ModelCardInput): Record<ModelCardSectionKey, string> {
  const v = input.version;
  return {
    overview: v.description || input.modelDescription,
    'intended-use': '',
    'training-data': trainingData(v),
    'training-procedure': trainingProcedure(v),
    evaluation: evaluation(v),
    'evaluation-results': '',
    'safety-and-bias': '',
    limitations: '',
  };
}

function trainingData(v: ModelVersionView): string {
  if (v.lineage.datasets.length === 0) return '';
  const rows = v.lineage.datasets.map(
    (d) => `| ${d.datasetId} | ${d.version} | ${d.versionId} | ${d.split} |`,
  );
  return ['| dataset | version | version id | split |', '|---|---|---|---|', ...rows].join('\n');
}

function trainingProcedure(v: ModelVersionView): string {
  const lines: string[] = [];
  if (v.baseModel) lines.push(`- Base model: ${describeBase(v)}`);
  if (v.method) lines.push(`- Method: ${v.method}`);
  const t = v.lineage.training;
  if (t) {
    lines.push(`- Trainer: ${t.trainer} (${t.executor} executor), config hash \`${t.configHash}\``);
    lines.push(`- Trained: ${t.startedAt} → ${t.completedAt}`);
  }
  const params = Object.entries(v.hyperparameters);
  if (params.length > 0) {
    lines.push('', '| hyperparameter | value |', '|---|---|');
    lines.push(...params.map(([k, val]) => `| ${cell(k)} | ${cell(formatJson(val))} |`));
  }
  return lines.join('\n');
}

function evaluation(v: ModelVersionView): string {
  const metrics = Object.entries(v.metrics);
  if (metrics.length === 0) return '';
  return [
    'Metrics recorded with this version:',
    '',
    '| metric | value |',
    '|---|---|',
    ...metrics.map(([k, val]) => `| ${cell(k)} | ${val} |`),
  ].join('\n');
}

function describeBase(v: ModelVersionView): string {
  const b = v.baseModel;
  if (!b) return 'none (registered as is)';
  switch (b.kind) {
    case 'registry':
      return `${b.modelName} v${b.version} (registry)`;
    case 'builtin':
      return `${b.name} (builtin)`;
    case 'huggingface':
      return `${b.repoId}${b.revision ? `@${b.revision}` : ''} (Hugging Face)`;
  }
}

function formatJson(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Table cells cannot hold pipes or newlines. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
