import { transformed } from '../testing/step-test-records';
import { compileStripHtml, StripHtmlStepSchema } from './strip-html.step';

const compile = (params: Record<string, unknown> = {}) =>
  compileStripHtml(StripHtmlStepSchema.parse({ type: 'strip-html', ...params }));

describe('strip-html', () => {
  const step = compile();

  it('turns a web page into its readable text, without scripts, navigation, links or images', () => {
    const html = `<!doctype html><html><head><title>T</title><style>p{color:red}</style></head>
      <body><nav><a href="/">Home</a> | <a href="/about">About</a></nav>
      <h1>Making Bread</h1>
      <p>Mix <b>flour</b> and <a href="https://example.com/water">water</a>.<br>Knead &amp; rest.</p>
      <img src="bread.jpg" alt="a loaf">
      <ul><li>500 g flour</li><li>350 ml water</li></ul>
      <script>track('view')</script>
      <footer>© 2024 Bakery</footer></body></html>`;
    expect(transformed(step, html)).toBe(
      'Making Bread\n\nMix flour and water.\nKnead & rest.\n\n- 500 g flour\n- 350 ml water',
    );
  });

  it('decodes entities in otherwise plain text', () => {
    expect(transformed(step, 'Fish &amp; chips &#8211; 5&euro;')).toBe('Fish & chips – 5€');
  });

  it('leaves plain text with angle brackets alone (comparisons are not markup)', () => {
    const text = 'if a < b and c > d then x<y holds\nsecond line';
    expect(transformed(step, text)).toBe(text);
  });

  it('can convert every text, markup or not', () => {
    expect(transformed(compile({ requireMarkup: false }), 'line one\nline two')).toBe('line one line two');
  });

  it('drops custom tags with their content', () => {
    expect(transformed(compile({ skipTags: ['aside'] }), '<p>Main</p><aside>Ad: buy now</aside>')).toBe(
      'Main',
    );
  });

  it('rejects tag names that are not tag names', () => {
    const result = StripHtmlStepSchema.safeParse({ type: 'strip-html', skipTags: ['div p'] });
    expect(result.success).toBe(false);
  });
});
