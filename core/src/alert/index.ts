// Contribution alerts: classification of a compliance result into findings, and the alert texts.
export * from './alert-format';
export * from './alert-messages';
export type { Language } from '../errors/message';
export * from './alert-classification';
