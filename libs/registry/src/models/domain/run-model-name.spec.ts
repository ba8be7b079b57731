import type { RunCompletedV1 } from '@llmops/contracts';
import { modelNameForRun, slugify } from './run-model-name';

const lineage = (
  baseModel: RunCompletedV1['lineage']['baseModel'],
  method: RunCompletedV1['lineage']['method'],
) => ({ lineage: { baseModel, method } }) as Pick<RunCompletedV1, 'lineage'>;

describe('model name of a completed run', () => {
  it('continues the registered model a run fine-tuned', () => {
    const base = {
      kind: 'registry' as const,
      modelId: '0191f3e0-2a4c-7e6f-8a1b-3c5d7e9f1a2b',
      modelName: 'support-bot',
      versionId: '0192c2b3-4d5e-7f6a-8b7c-9d0e1f2a3b4c',
      version: 4,
    };
    expect(modelNameForRun(lineage(base, 'dpo'))).toBe('support-bot');
  });

  it('names a fine-tune of a builtin or Hugging Face base after the base and the method', () => {
    expect(modelNameForRun(lineage({ kind: 'builtin', name: 'tiny-gpt-2l' }, 'lora'))).toBe(
      'tiny-gpt-2l-lora',
    );
    expect(
      modelNameForRun(
        lineage({ kind: 'huggingface', repoId: 'Qwen/Qwen2.5-0.5B-Instruct', revision: null }, 'sft'),
      ),
    ).toBe('qwen-qwen2-5-0-5b-instruct-sft');
  });

  it('always yields a contract slug', () => {
    expect(slugify(`--${'X'.repeat(100)}--`)).toHaveLength(63);
    expect(slugify('a'.repeat(62) + '-b')).toBe('a'.repeat(62));
    expect(slugify('!!!')).toBe('model');
  });
});
