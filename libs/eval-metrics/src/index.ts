// Evaluation metrics as pure functions, shared by the evaluation service and the CLI: BLEU and chrF as
// sacreBLEU 2.x computes them, ROUGE as Google's rouge-score does, SQuAD exact match / token F1, paired
// bootstrap significance between two systems, and length profiles of texts.
export * from './bleu';
export * from './chrf';
export * from './length';
export * from './qa';
export * from './rouge';
export * from './significance';
