export { AppException, isAppException } from './app-exception';
export { Clock, SystemClock } from './clock';
export { newId, newRequestId, newToken, isUuid } from './ids';
export { loggerOptions, REDACTED_LOG_PATHS } from './logger-options';
export { foldVietnamese } from './vietnamese-text';
export { RequestContext, type RequestContextData } from './request-context';
export { errorFactory, type ErrorEntry } from './error-table';
export { Batcher, type BatchOutcome } from './batcher';
export { AGENCY_CODE_MAX_LENGTH, AGENCY_CODE_PATTERN, isValidAgencyCode } from './agency-code-format';
