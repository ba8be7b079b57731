export { curate, RecordRejectedError, type CurateOptions, type CurationResult } from './curate';
export { RejectCollector } from './reject-collector';
