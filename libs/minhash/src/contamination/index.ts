export { checkContamination } from './check-contamination';
export { ContaminationChecker } from './contamination-checker';
export type { ContaminationMinHashOptions, ContaminationOptions } from './contamination-options';
export type { ContaminatedRecord, ContaminationMatch, ContaminationReport } from './contamination-report';
