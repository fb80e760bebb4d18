// What a moderation form names: the item, and the categories a report or a hide picks from.
/** `imageId`: one photo of the contribution, hidden or shown again on its own (decision 050). */
export type ItemRef = { itemType: "contribution" | "comment"; itemId: string; imageId?: string };

export const CATEGORIES = ["SPAM", "INSULT", "DISCRIMINATION", "PERSONAL_DATA", "OFF_TOPIC", "OTHER"] as const;
