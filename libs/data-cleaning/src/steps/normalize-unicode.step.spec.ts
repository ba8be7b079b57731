import { RecordWork } from './step-contract';
import { compileNormalizeUnicode, NormalizeUnicodeStepSchema } from './normalize-unicode.step';
import { contentRecord, transformed } from '../testing/step-test-records';

const compile = (form?: 'NFC' | 'NFKC') =>
  compileNormalizeUnicode(NormalizeUnicodeStepSchema.parse({ type: 'normalize-unicode', form }));

describe('normalize-unicode', () => {
  it('composes decomposed accents under NFC (the default)', () => {
    expect(transformed(compile(), 'Cafe\u0301 re\u0301sume\u0301')).toBe('Café résumé');
  });

  it('keeps compatibility characters under NFC but folds them under NFKC', () => {
    const text = 'ﬁle Ｆｕｌｌ x²';
    expect(transformed(compile('NFC'), text)).toBe(text);
    expect(transformed(compile('NFKC'), text)).toBe('file Full x2');
  });

  it('leaves ASCII text untouched (same content object, so it is not counted as modified)', () => {
    const record = contentRecord({ kind: 'text', text: 'plain ascii' });
    const work = new RecordWork(record);
    compile().apply(work);
    expect(work.content).toBe(record.content);
  });

  it('normalises every field of a chat record', () => {
    const work = new RecordWork(
      contentRecord({
        kind: 'chat',
        messages: [
          { role: 'user', content: 'Cre\u0300me?' },
          { role: 'assistant', content: [{ type: 'text', text: 'bru\u0302le\u0301e' }] },
        ],
      }),
    );
    compile().apply(work);
    expect(work.text()).toBe('Crème?\n\nbrûlée');
  });
});
