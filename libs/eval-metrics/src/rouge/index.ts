// ROUGE exactly as Google's rouge-score (PyPI `rouge-score`), with nltk's Porter stemmer.
export { porterStem } from './porter-stemmer.util';
export { tokenizeRouge } from './rouge-tokenizer.util';
export { scoreRouge, scoreRougeMulti } from './rouge-score.util';
export { scoreRougeCorpus, type RougeCorpusReport, type RougePair } from './rouge-corpus.util';
export {
  ROUGE_TYPES,
  isRougeType,
  type RougeOptions,
  type RougeScore,
  type RougeScores,
  type RougeType,
} from './rouge.types';
