/** Error codes every module may raise; modules add their own string literals. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'DUPLICATE'
  | 'IN_USE'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'CSRF_INVALID'
  | 'RATE_LIMITED'
  | 'SETUP_DONE'
  | 'SETUP_REQUIRED'
  | 'LAST_ADMIN'
  | 'CATEGORY_CYCLE'
  | 'FILE_REQUIRED'
  | 'FILE_TOO_LARGE'
  | 'INVALID_FILE'
  | 'IMPORT_HAS_ERRORS'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BARCODE_INVALID'
  | 'INSUFFICIENT_STOCK'
  | 'OPENING_EXISTS'
  | 'INACTIVE'
  | 'IDEMPOTENCY_MISMATCH'
  | 'ORDER_STATE'
  | 'PICK_NOTHING'
  | 'PICK_TOO_MANY'
  | 'PICK_WRONG_ITEM'
  | 'PICK_LIST_STATE'
  | 'BARCODE_UNKNOWN'
  | 'PACK_WRONG_ITEM'
  | 'PACK_TOO_MANY'
  | 'PACKAGE_STATE'
  | 'SHIP_TOO_MANY'
  | 'SHIP_NOTHING'
  | 'CARRIER_NO_ADAPTER'
  | 'CARRIER_SIGNATURE_INVALID'
  | 'WAYBILL_NOT_FOUND'
  | 'PURCHASE_ORDER_STATE'
  | 'OVER_RECEIPT'
  | 'NOT_ON_ORDER'
  | 'OVER_RETURN'
  | 'NOT_ON_RECEIPT'
  | 'RETURN_SUPPLIER_MISMATCH'
  | 'NOTHING_TO_ORDER'
  | 'TRANSFER_STATE'
  | 'TRANSFER_TOO_MANY'
  | 'COUNT_STATE'
  | 'COUNT_NOT_IN_SCOPE'
  | 'NOTIFY_CHANNEL_FAILED'
  | 'SMTP_FAILED'
  | 'SMTP_NOT_CONFIGURED'
  | 'OUTBOX_STATE'
  | 'RETURN_STATE'
  | 'RETURN_WINDOW_CLOSED'
  | 'RETURN_NOT_YOUR_ORDER'
  | 'RETURN_WRONG_ITEM'
  | 'RETURN_TOO_MANY'
  | 'OVER_REFUND'
  | 'RETURN_NOT_ON_ORDER'
  | 'FEEDBACK_USED'
  | 'COMPLAINT_STATE'
  | 'OVER_ALLOCATION'
  | 'PAYMENT_OVER_ALLOCATED'
  | 'ALLOCATION_MISMATCH'
  | 'API_KEY_SCOPE'
  | 'WEBHOOK_REPLAY_TOO_LARGE'
  | 'WEBHOOK_DELIVERY_STATE'
  | 'INTERNAL';

/** Message parameters; a {zh,en} pair is rendered in the caller's language. */
export type ErrorParams = Record<string, string | number | { zh: string; en: string }>;

export type ErrorDetail = { field?: string; message: string | { zh: string; en: string }; row?: number; column?: string; [k: string]: unknown };

/** The one error type services throw; the HTTP layer maps `code` to a status and a localized message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly details: ErrorDetail[] | Record<string, unknown> | null = null,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

/** HTTP status for each code; anything not listed is 400. */
export const statusByCode: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  DUPLICATE: 409,
  IN_USE: 409,
  CONFLICT: 409,
  SETUP_DONE: 409,
  LAST_ADMIN: 409,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  SETUP_REQUIRED: 403,
  RATE_LIMITED: 429,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_HAS_ERRORS: 422,
  INSUFFICIENT_STOCK: 409,
  IDEMPOTENCY_MISMATCH: 422,
  ORDER_STATE: 409,
  OPENING_EXISTS: 409,
  PICK_NOTHING: 409,
  PICK_TOO_MANY: 409,
  PICK_WRONG_ITEM: 422,
  PICK_LIST_STATE: 409,
  BARCODE_UNKNOWN: 404,
  PACK_WRONG_ITEM: 422,
  PACK_TOO_MANY: 409,
  PACKAGE_STATE: 409,
  SHIP_TOO_MANY: 409,
  SHIP_NOTHING: 409,
  CARRIER_NO_ADAPTER: 422,
  CARRIER_SIGNATURE_INVALID: 401,
  WAYBILL_NOT_FOUND: 404,
  PURCHASE_ORDER_STATE: 409,
  OVER_RECEIPT: 409,
  NOT_ON_ORDER: 422,
  OVER_RETURN: 409,
  NOT_ON_RECEIPT: 422,
  RETURN_SUPPLIER_MISMATCH: 422,
  NOTHING_TO_ORDER: 422,
  TRANSFER_STATE: 409,
  TRANSFER_TOO_MANY: 409,
  COUNT_STATE: 409,
  COUNT_NOT_IN_SCOPE: 422,
  NOTIFY_CHANNEL_FAILED: 502,
  SMTP_FAILED: 422,
  SMTP_NOT_CONFIGURED: 422,
  OUTBOX_STATE: 409,
  RETURN_STATE: 409,
  RETURN_WINDOW_CLOSED: 422,
  RETURN_NOT_YOUR_ORDER: 403,
  RETURN_WRONG_ITEM: 422,
  RETURN_TOO_MANY: 409,
  OVER_REFUND: 409,
  RETURN_NOT_ON_ORDER: 422,
  FEEDBACK_USED: 409,
  COMPLAINT_STATE: 409,
  OVER_ALLOCATION: 409,
  PAYMENT_OVER_ALLOCATED: 409,
  ALLOCATION_MISMATCH: 422,
  API_KEY_SCOPE: 403,
  WEBHOOK_REPLAY_TOO_LARGE: 422,
  WEBHOOK_DELIVERY_STATE: 409,
  INTERNAL: 500,
};

export const notFound = (entity: string, id?: string) => new DomainError('NOT_FOUND', { entity, id: id ?? '' });
