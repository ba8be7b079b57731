import { BUILTIN_BASE_NAMES, isBuiltinBaseName, loadBuiltinBase, trainBuiltinBase } from './builtin-bases';

describe('builtin bases', () => {
  it('names the bases a BaseModelRef of kind builtin may use', () => {
    expect(BUILTIN_BASE_NAMES).toEqual(['tiny-mlp-en']);
    expect(isBuiltinBaseName('tiny-mlp-en')).toBe(true);
    expect(isBuiltinBaseName('toString')).toBe(false);
  });

  it('rejects an unknown name with the known ones', async () => {
    await expect(trainBuiltinBase('gpt-5')).rejects.toMatchObject({
      code: 'UNKNOWN_BUILTIN_BASE',
      message: expect.stringContaining('tiny-mlp-en'),
    });
    await expect(loadBuiltinBase('gpt-5')).rejects.toMatchObject({ code: 'UNKNOWN_BUILTIN_BASE' });
  });
});
