import { objectKeyOf } from './object-uri';

describe('objectKeyOf', () => {
  it('maps s3 URIs to keys, keeps bare keys and refuses a URI without a key', () => {
    expect(objectKeyOf('s3://llmops/datasets/a/b.json')).toBe('datasets/a/b.json');
    expect(objectKeyOf('runs/x/output/')).toBe('runs/x/output/');
    expect(() => objectKeyOf('s3://llmops/')).toThrow(/not an object store URI/);
  });
});
