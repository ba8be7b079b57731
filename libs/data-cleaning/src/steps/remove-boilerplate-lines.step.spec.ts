import { transformed } from '../testing/step-test-records';
import {
  compileRemoveBoilerplateLines,
  RemoveBoilerplateLinesStepSchema,
} from './remove-boilerplate-lines.step';

const compile = (params: Record<string, unknown> = {}) =>
  compileRemoveBoilerplateLines(
    RemoveBoilerplateLinesStepSchema.parse({ type: 'remove-boilerplate-lines', ...params }),
  );

describe('remove-boilerplate-lines', () => {
  const step = compile();

  it('removes banners, footers and calls to action from a scraped article', () => {
    const page = [
      'Skip to main content',
      'This website uses cookies to improve your experience. Accept all cookies',
      'How to Grow Tomatoes',
      'Tomatoes need six hours of sun a day and regular watering.',
      'Click here to subscribe to our newsletter!',
      'Share on Facebook',
      'Plant them after the last frost.',
      'Privacy Policy | Terms of Use | Sitemap',
      '© 2024 Garden Weekly. All rights reserved.',
    ].join('\n');
    expect(transformed(step, page)).toBe(
      'How to Grow Tomatoes\nTomatoes need six hours of sun a day and regular watering.\nPlant them after the last frost.',
    );
  });

  it('keeps long paragraphs that merely mention a pattern', () => {
    const paragraph =
      'The court ruled that a site which says "we use cookies" must still ask for consent before tracking, ' +
      'and that burying the choice in settings does not count; regulators across Europe are expected to follow ' +
      'the decision within the year.';
    expect(transformed(step, paragraph)).toBe(paragraph);
  });

  it('keeps content lines that share words with navigation crumbs', () => {
    const text =
      'Read more about the history of the region in chapter two.\nRegister your bike with the city.';
    expect(transformed(step, text)).toBe(text);
  });

  it('applies custom patterns, case-insensitively, with or without the defaults', () => {
    const custom = compile({ useDefaultPatterns: false, patterns: ['^photo:', 'sponsored by \\w+'] });
    expect(
      transformed(custom, 'Photo: Jane Doe\nBody text.\nThis post is SPONSORED BY Acme\nAll rights reserved'),
    ).toBe('Body text.\nAll rights reserved');
  });

  it('rejects an invalid custom pattern at validation', () => {
    const result = RemoveBoilerplateLinesStepSchema.safeParse({
      type: 'remove-boilerplate-lines',
      patterns: ['(unclosed'],
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.message).toMatch(/^invalid regular expression/);
  });
});
