// chrF and chrF++ exactly as sacreBLEU 2.x (see tools/eval/generate-sacrebleu-fixtures.py for the parity fixtures).
export { type ChrfOptions } from './chrf-options';
export { type ChrfScore, corpusChrf, formatChrf, sentenceChrf } from './chrf';
