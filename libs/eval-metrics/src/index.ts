// Evaluation metrics as pure functions, shared by the evaluation service and the CLI: BLEU and chrF as
// sacreBLEU 2.x computes them, ROUGE as Google's rouge-score does, and SQuAD exact match / token F1.
export * from './bleu';
export * from './chrf';
export * from './qa';
export * from './rouge';
