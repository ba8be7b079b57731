import type { ModelArtifact } from '@llmops/contracts';
import type { ExecutorRun } from '../training-executor';

export type ArtifactRole = ModelArtifact['role'];

const TOKENIZER_FILES = new Set([
  'special_tokens_map.json',
  'added_tokens.json',
  'vocab.json',
  'vocab.txt',
  'merges.txt',
  'spiece.model',
  'sentencepiece.bpe.model',
  'chat_template.jinja',
  'chat_template.json',
]);
const METRICS_FILES = new Set([
  'metrics.jsonl',
  'metrics.json',
  'trainer_state.json',
  'all_results.json',
  'train_results.json',
  'eval_results.json',
]);
const WEIGHT_EXTENSIONS = ['.safetensors', '.bin', '.pt', '.pth', '.gguf'];

/**
 * The role of a file a trainer wrote under `output/`, from its path relative to that folder. First
 * match wins:
 *
 * | file                                                                 | role          |
 * | -------------------------------------------------------------------- | ------------- |
 * | anything under `checkpoint-*` / `checkpoints/`                       | checkpoint    |
 * | `metrics.jsonl`, `metrics.json`, `trainer_state.json`, `*_results.json` | metrics    |
 * | `*.log`                                                              | logs          |
 * | `README.md`, `model_card.md`                                         | model-card    |
 * | `adapter_config.json`, `adapter_model.*` (PEFT)                      | adapter       |
 * | `tokenizer*`, `special_tokens_map.json`, `vocab.*`, `merges.txt`, `*.model` sentencepiece, chat templates | tokenizer |
 * | builtin format `model.json`, `weights.bin`                           | adapter for `lora` runs, else model |
 * | `training_args.bin` (Hugging Face Trainer arguments)                 | config        |
 * | `*.safetensors`, `*.bin`, `*.pt`, `*.pth`, `*.gguf`, `*.safetensors.index.json`, `*.bin.index.json` | model |
 * | `config.json`, `generation_config.json`, any other file              | config        |
 */
export function artifactRole(relativePath: string, method: ExecutorRun['method']): ArtifactRole {
  const segments = relativePath.split('/');
  const file = (segments.at(-1) ?? '').toLowerCase();
  const folders = segments.slice(0, -1).map((segment) => segment.toLowerCase());
  if (folders.some((folder) => folder === 'checkpoints' || folder.startsWith('checkpoint-')))
    return 'checkpoint';
  if (METRICS_FILES.has(file) || file.endsWith('_results.json')) return 'metrics';
  if (file.endsWith('.log')) return 'logs';
  if (file === 'readme.md' || file === 'model_card.md') return 'model-card';
  if (file === 'adapter_config.json' || file.startsWith('adapter_model.')) return 'adapter';
  if (file.startsWith('tokenizer') || TOKENIZER_FILES.has(file)) return 'tokenizer';
  if (file === 'model.json' || file === 'weights.bin') return method === 'lora' ? 'adapter' : 'model';
  if (file === 'training_args.bin') return 'config';
  if (file.endsWith('.safetensors.index.json') || file.endsWith('.bin.index.json')) return 'model';
  if (WEIGHT_EXTENSIONS.some((extension) => file.endsWith(extension))) return 'model';
  return 'config';
}
