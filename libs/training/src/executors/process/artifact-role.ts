import type { ModelArtifact } from '@llmops/contracts';

export type ArtifactRole = ModelArtifact['role'];

const TOKENIZER_FILES = new Set([
  'special_tokens_map.json',
  'vocab.json',
  'vocab.txt',
  'merges.txt',
  'chat_template.jinja',
  'added_tokens.json',
]);
const CONFIG_FILES = new Set(['config.json', 'generation_config.json', 'training_args.bin']);
const MODEL_FILES = new Set(['model.json', 'weights.bin']);

/**
 * The role of an output file, from its path relative to LLMOPS_OUTPUT_DIR (first rule that matches):
 * under a `checkpoint*` / `checkpoints` folder → checkpoint; `metrics*.jsonl` → metrics; `adapter_*` /
 * `adapter.*` → adapter; `tokenizer*`, `chat_template.jinja` and the Hugging Face vocabulary files →
 * tokenizer; `config.json`,
 * `generation_config.json`, `training_args.bin` → config; `model.json`, `weights.bin`, `*.safetensors`,
 * `pytorch_model*.bin`, `*.gguf` → model; `*.log` → logs; `README.md` → model-card; anything else → model
 * (it came out of the trainer's model directory, so it travels with the model).
 */
export function artifactRoleOf(relativePath: string): ArtifactRole {
  const segments = relativePath.split('/');
  const name = (segments.at(-1) ?? '').toLowerCase();
  const folders = segments.slice(0, -1).map((segment) => segment.toLowerCase());
  if (folders.some((folder) => /^checkpoints?([-_].*)?$/.test(folder))) return 'checkpoint';
  if (/^metrics.*\.jsonl$/.test(name)) return 'metrics';
  if (/^adapter[_.]/.test(name)) return 'adapter';
  if (name.startsWith('tokenizer') || TOKENIZER_FILES.has(name)) return 'tokenizer';
  if (CONFIG_FILES.has(name)) return 'config';
  if (MODEL_FILES.has(name) || /\.(safetensors|gguf)$/.test(name) || /^pytorch_model.*\.bin$/.test(name)) {
    return 'model';
  }
  if (name.endsWith('.log')) return 'logs';
  if (name === 'readme.md') return 'model-card';
  return 'model';
}
