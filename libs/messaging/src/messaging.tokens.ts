export const MESSAGING_CONFIG = Symbol('MessagingConfig');
