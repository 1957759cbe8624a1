/** Injection token under which the validated AppConfig is provided to Nest. */
export const APP_CONFIG = Symbol('APP_CONFIG');
