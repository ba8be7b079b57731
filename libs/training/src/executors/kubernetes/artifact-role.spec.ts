import { artifactRole } from './artifact-role';

describe('artifactRole', () => {
  it.each([
    ['model.safetensors', 'model'],
    ['model-00001-of-00002.safetensors', 'model'],
    ['model.safetensors.index.json', 'model'],
    ['pytorch_model.bin', 'model'],
    ['config.json', 'config'],
    ['generation_config.json', 'config'],
    ['training_args.bin', 'config'],
    ['adapter_config.json', 'adapter'],
    ['adapter_model.safetensors', 'adapter'],
    ['tokenizer.json', 'tokenizer'],
    ['tokenizer_config.json', 'tokenizer'],
    ['special_tokens_map.json', 'tokenizer'],
    ['merges.txt', 'tokenizer'],
    ['metrics.jsonl', 'metrics'],
    ['eval_results.json', 'metrics'],
    ['train.log', 'logs'],
    ['README.md', 'model-card'],
    ['checkpoint-500/model.safetensors', 'checkpoint'],
    ['notes.txt', 'config'],
  ] as const)('maps %s to %s', (file, role) => {
    expect(artifactRole(file, 'sft')).toBe(role);
  });

  it('maps the builtin format by method: model for full training, adapter for lora', () => {
    expect(['model.json', 'weights.bin', 'tokenizer.json'].map((file) => artifactRole(file, 'sft'))).toEqual([
      'model',
      'model',
      'tokenizer',
    ]);
    expect(['model.json', 'weights.bin'].map((file) => artifactRole(file, 'lora'))).toEqual([
      'adapter',
      'adapter',
    ]);
  });
});
