// BLEU exactly as sacreBLEU 2.x (see tools/eval/generate-sacrebleu-fixtures.py for the parity fixtures).
export { BLEU_TOKENIZERS, type BleuTokenizerName, tokenizeBleu } from './bleu-tokenizer';
export { BLEU_SMOOTH_METHODS, type BleuSmoothMethod } from './bleu-score';
export { type BleuOptions, type BleuScore, corpusBleu, formatBleu, sentenceBleu } from './bleu';
export { MetricInputError, type MetricInputErrorCode } from './metric-input.error';
export { SACREBLEU_COMPAT_VERSION } from './sacrebleu-compat';
export { segmentLines } from './segment-lines';
