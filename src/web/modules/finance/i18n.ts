// The finance words, one file per language (the English one must have every key the Chinese one has).
export { zh } from './i18n.zh';
export { en } from './i18n.en';
