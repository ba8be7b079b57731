import { transformed } from '../testing/step-test-records';
import { compileStripMarkdown, StripMarkdownStepSchema } from './strip-markdown.step';

const compile = (params: Record<string, unknown> = {}) =>
  compileStripMarkdown(StripMarkdownStepSchema.parse({ type: 'strip-markdown', ...params }));

describe('strip-markdown', () => {
  it('keeps the words of headings, emphasis and links, dropping the markup and the images', () => {
    const md = '# Install\n\nRun **npm** and see [the docs](https://example.com/docs). ![logo](logo.png)';
    expect(transformed(compile(), md)).toBe('Install\n\nRun npm and see the docs. ');
  });

  it('strips list markers unless asked to keep them', () => {
    expect(transformed(compile(), '- one\n- two')).toBe('one\ntwo');
    expect(transformed(compile({ keepListMarkers: true }), '- one\n- two')).toBe('- one\n- two');
  });

  it('can keep image alt text', () => {
    expect(transformed(compile({ keepImageAltText: true }), '![a red bicycle](bike.png)')).toBe(
      'a red bicycle',
    );
  });

  it('leaves plain prose alone', () => {
    const text = 'Nothing to strip here, just a sentence.';
    expect(transformed(compile(), text)).toBe(text);
  });
});
