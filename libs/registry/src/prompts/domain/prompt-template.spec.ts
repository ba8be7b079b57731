import {
  checkVariables,
  declarationProblems,
  renderTemplate,
  templateVariables,
  type PromptTemplate,
} from './prompt-template';

const chat: PromptTemplate = {
  kind: 'chat',
  messages: [
    { role: 'system', content: 'You answer for {{company}} in {{ language }}.' },
    { role: 'user', content: '{{question}} (asked in {{language}})' },
  ],
};

describe('prompt templates', () => {
  it('finds the variables a template uses, once each, in order of first use', () => {
    expect(templateVariables(chat)).toEqual(['company', 'language', 'question']);
    expect(templateVariables({ kind: 'text', text: 'no variables here' })).toEqual([]);
  });

  it('treats anything but {{identifier}} as literal text', () => {
    const text = '{{ not valid }} {x} {{1abc}} {{a.b}} {{__proto__}} {{{ ok }}}';
    expect(templateVariables({ kind: 'text', text })).toEqual(['ok']);
  });

  it('renders text and chat templates', () => {
    expect(
      renderTemplate({ kind: 'text', text: 'Hi {{name}}, {{ n }} left' }, { name: 'Ada', n: 3 }),
    ).toEqual({
      kind: 'text',
      text: 'Hi Ada, 3 left',
    });
    expect(renderTemplate(chat, { company: 'ACME', language: 'German', question: 'Why?' })).toEqual({
      kind: 'chat',
      messages: [
        { role: 'system', content: 'You answer for ACME in German.' },
        { role: 'user', content: 'Why? (asked in German)' },
      ],
    });
  });

  it('never expands a value again, so values cannot inject placeholders or code', () => {
    const rendered = renderTemplate(
      { kind: 'text', text: '{{a}} and {{b}}' },
      { a: '{{b}}', b: '${process.exit(1)} {{constructor}}' },
    );
    expect(rendered).toEqual({ kind: 'text', text: '{{b}} and ${process.exit(1)} {{constructor}}' });
  });

  it('names each missing and each unknown variable', () => {
    expect(
      checkVariables(['company', 'language', 'question'], { company: 'x', topic: 'y', lang: 'z' }),
    ).toEqual({
      missing: ['language', 'question'],
      unknown: ['topic', 'lang'],
    });
    expect(checkVariables(['a'], { a: '' })).toEqual({ missing: [], unknown: [] });
  });

  it('does not mistake inherited properties for given values', () => {
    expect(checkVariables(['toString', 'constructor'], {})).toEqual({
      missing: ['toString', 'constructor'],
      unknown: [],
    });
  });

  it('compares declared variables with the used ones', () => {
    expect(declarationProblems(['a', 'b'], ['b', 'c'])).toEqual({ undeclared: ['a'], unused: ['c'] });
  });
});
