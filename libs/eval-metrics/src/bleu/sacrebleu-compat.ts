/** The sacreBLEU release the fixtures were generated with; signatures carry it so scores stay comparable. */
export const SACREBLEU_COMPAT_VERSION = '2.6.0';
