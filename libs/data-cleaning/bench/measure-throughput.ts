import { DEFAULT_RECIPE } from '../src/recipe/default-recipe';
import { RecipeSchema, type RecipeStep } from '../src/recipe/recipe.schema';
import { measureThroughput, type ThroughputResult } from '../src/testing/measure-throughput';
import { syntheticWebRecords } from '../src/testing/synthetic-web-text';

// Throughput of DEFAULT_RECIPE (no near-duplicate step) on synthetic web text, one core, plus each of
// its steps alone and the optional steps it leaves out. Run through measure-throughput.sh (outside jest:
// jest's vm context makes global lookups in hot loops much slower than in a service).

const megabytes = Number(process.env['SIZE_MB'] ?? '20');
const records = syntheticWebRecords(megabytes);
const texts = records.map((record) => (record.content.kind === 'text' ? record.content.text : ''));

const row = (name: string, result: ThroughputResult) => {
  const cpu = result.megabytesPerCpuSecond.toFixed(1).padStart(7);
  const wall = result.megabytesPerSecond.toFixed(1).padStart(7);
  process.stdout.write(`${name.padEnd(44)} ${cpu} MB/cpu-s ${wall} MB/s wall\n`);
};

/** The machine's speed for plain JavaScript: one charCodeAt pass over the same text, to compare runs. */
function referencePass(): number {
  const cpu = process.cpuUsage();
  let sum = 0;
  let chars = 0;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
    chars += text.length;
  }
  const used = process.cpuUsage(cpu);
  if (sum < 0) process.stdout.write('');
  return chars / 1e6 / ((used.user + used.system) / 1e6);
}

process.stdout.write(
  `${megabytes} MB of synthetic web text, ${records.length} records, Node ${process.version}\n`,
);
process.stdout.write(
  `reference: one charCodeAt pass at ${referencePass().toFixed(0)} MB/cpu-s on this machine\n\n`,
);
// Twice: the first run also pays for optimising code paths the warm-up did not reach.
measureThroughput(DEFAULT_RECIPE, records);
const result = measureThroughput(DEFAULT_RECIPE, records);
row('DEFAULT_RECIPE end to end', result);
const { rejectSamples: _samples, ...counts } = result.report;
process.stdout.write(`${JSON.stringify(counts)}\n\nsteps alone:\n`);
const extras: RecipeStep[] = [
  RecipeSchema.parse({ steps: [{ type: 'filter-language' }] }).steps[0] as RecipeStep,
  RecipeSchema.parse({ steps: [{ type: 'filter-language', sampleChars: 150 }] }).steps[0] as RecipeStep,
  RecipeSchema.parse({ steps: [{ type: 'strip-markdown' }] }).steps[0] as RecipeStep,
  RecipeSchema.parse({ steps: [{ type: 'filter-length', minTokens: 50, maxTokens: 100_000 }] })
    .steps[0] as RecipeStep,
];
for (const step of [...DEFAULT_RECIPE.steps, ...extras]) {
  const label =
    step.type === 'filter-language' ? `${step.type} (sampleChars ${step.sampleChars})` : step.type;
  const name =
    step.type === 'filter-length' && step.minTokens !== undefined ? `${step.type} (tokens)` : label;
  row(`  ${name}`, measureThroughput(RecipeSchema.parse({ steps: [step] }), records));
}
