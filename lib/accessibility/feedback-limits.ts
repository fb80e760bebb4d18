// Text limits of the feedback form: the page sets them as maxLength, the server enforces them.
export const FEEDBACK_LIMITS = { page: 300, description: 4000, contact: 200 } as const;
