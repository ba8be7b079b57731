// Length profiles of generated or reference texts (words as Python's str.split(), code points).
export { type LengthStatistics, lengthStatistics } from './length-statistics';
