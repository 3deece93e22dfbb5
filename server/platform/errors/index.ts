// The one error type. Domains throw AppError with a code; server/platform/http/respond.ts maps it to HTTP.
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'INVALID_CURSOR'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'OUT_OF_STOCK'
  | 'ORDER_NOT_CANCELLABLE'
  | 'VERSION_CONFLICT'
  | 'STOCK_CHANGED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'CART_CHANGED'
  | 'INVALID_DISCOUNT'
  | 'DISCOUNT_UNAVAILABLE'
  | 'PAYMENT_DECLINED'
  | 'AUTHENTICATION_REQUIRED'
  | 'CARD_DATA_NOT_ACCEPTED'
  | 'NOT_VERIFIED_BUYER'
  | 'ALREADY_REVIEWED'
  | 'REQUEST_TIMEOUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

const statusByCode: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  INVALID_CURSOR: 400,
  UNAUTHENTICATED: 401,
  PAYMENT_DECLINED: 402,
  AUTHENTICATION_REQUIRED: 402,
  CARD_DATA_NOT_ACCEPTED: 400,
  FORBIDDEN: 403,
  NOT_VERIFIED_BUYER: 403,
  ALREADY_REVIEWED: 409,
  NOT_FOUND: 404,
  CONFLICT: 409,
  OUT_OF_STOCK: 409,
  ORDER_NOT_CANCELLABLE: 409,
  VERSION_CONFLICT: 409,
  STOCK_CHANGED: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  CART_CHANGED: 409,
  INVALID_DISCOUNT: 400,
  DISCOUNT_UNAVAILABLE: 409,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, options?: { details?: unknown; headers?: Record<string, string> }) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = options?.details;
    this.headers = options?.headers;
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
