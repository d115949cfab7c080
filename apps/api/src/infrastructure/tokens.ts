/** Injection tokens of the resources every part of the API shares. */
export const API_CONFIG = Symbol('API_CONFIG');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const READ_MODELS = Symbol('READ_MODELS');
export const SUBJECTS = Symbol('SUBJECTS');
/** The key of the capability links given to wallboxes (firmware downloads, diagnostics uploads): the API token. */
export const LINK_SECRET = Symbol('LINK_SECRET');
