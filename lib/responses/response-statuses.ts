/** The statuses an answer can give; OPEN is where every contribution starts, never an answer. */
export const RESPONSE_STATUSES = ["UNDER_REVIEW", "PLANNED", "IN_PROGRESS", "DONE", "DECLINED"] as const;
