import { displayUrl, importFileName, uniqueFileNames, urlRefusal } from './artifact-url';

describe('artifact URLs', () => {
  it('accepts http and https URLs, refuses other schemes, credentials and non-URLs', () => {
    expect(urlRefusal('https://huggingface.co/org/repo/resolve/main/model.safetensors')).toBeNull();
    expect(urlRefusal('http://127.0.0.1:8080/model.bin')).toBeNull();
    expect(urlRefusal('file:///etc/passwd')).toBe('only http: and https: URLs are downloaded, not file:');
    expect(urlRefusal('ftp://example.com/model.bin')).toContain('only http: and https:');
    expect(urlRefusal('https://user:secret@example.com/model.bin')).toContain('credentials');
    expect(urlRefusal('https://token@example.com/model.bin')).toContain('credentials');
    expect(urlRefusal('model.bin')).toBe('not an absolute URL');
  });

  it('records URLs without query string or fragment (presigned signatures stay out)', () => {
    const url = new URL('https://bucket.example.com/a/model.bin?X-Amz-Signature=abc#frag');
    expect(displayUrl(url)).toBe('https://bucket.example.com/a/model.bin');
  });

  it('names the object after the URL, safely, unless a filename is given', () => {
    expect(importFileName(new URL('https://x.io/a/model.Q4_K_M.gguf?download=true'), null)).toBe(
      'model.Q4_K_M.gguf',
    );
    expect(importFileName(new URL('https://x.io/a/my%20model%2F..bin'), null)).toBe('my-model-..bin');
    expect(importFileName(new URL('https://x.io/a/..'), null)).toBe('artifact');
    expect(importFileName(new URL('https://x.io/'), null)).toBe('artifact');
    expect(importFileName(new URL('https://x.io/a/b'), 'weights.bin')).toBe('weights.bin');
  });

  it('keeps file names unique within a version', () => {
    expect(uniqueFileNames(['model.bin', 'config.json', 'model.bin'])).toEqual([
      'model.bin',
      'config.json',
      '2-model.bin',
    ]);
  });
});
