// Evaluation metrics as pure functions, shared by the evaluation service and the CLI.
export {};
