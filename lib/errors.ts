// One error type for the domain. Domain functions throw it; one place maps its code to an
// HTTP status (route handlers) or a translated message (server actions, `errors.<code>`).
export const APP_ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
    /** Extra facts the caller may show, e.g. `retryAfterSeconds` or the unanswered needs. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message ?? code);
    this.name = "AppError";
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
