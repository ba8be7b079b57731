import { artifactRoleOf } from './artifact-role';

describe('artifactRoleOf', () => {
  it.each([
    ['model.json', 'model'],
    ['weights.bin', 'model'],
    ['model.safetensors', 'model'],
    ['model-00001-of-00002.safetensors', 'model'],
    ['pytorch_model.bin', 'model'],
    ['model.Q4_K_M.gguf', 'model'],
    ['adapter_model.safetensors', 'adapter'],
    ['adapter_config.json', 'adapter'],
    ['tokenizer.json', 'tokenizer'],
    ['tokenizer_config.json', 'tokenizer'],
    ['tokenizer.model', 'tokenizer'],
    ['special_tokens_map.json', 'tokenizer'],
    ['merges.txt', 'tokenizer'],
    ['config.json', 'config'],
    ['generation_config.json', 'config'],
    ['training_args.bin', 'config'],
    ['metrics.jsonl', 'metrics'],
    ['train.log', 'logs'],
    ['README.md', 'model-card'],
    ['checkpoint-500/model.safetensors', 'checkpoint'],
    ['checkpoints/step-3.json', 'checkpoint'],
    ['merged/config.json', 'config'],
    ['chat_template.jinja', 'tokenizer'],
    ['added_tokens.json', 'tokenizer'],
    ['notes.txt', 'model'],
  ])('%s → %s', (path, role) => {
    expect(artifactRoleOf(path)).toBe(role);
  });
});
