// Exact match and token F1 with SQuAD v1.1 normalisation, max over the gold answers.
export { normalizeSquadAnswer } from './squad-normalize.util';
export { exactMatch, exactMatchMax, tokenF1, tokenF1Max } from './squad-metrics.util';
