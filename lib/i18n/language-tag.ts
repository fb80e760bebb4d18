import { z } from "zod";

/**
 * A language as people's texts, UI languages and translations name it: a BCP 47 tag of a 2–3
 * letter primary language and subtags of 2–8 letters or digits ("de", "fa-AF", "de-simple").
 * The database checks the same shape (user_locale_format and its kind).
 */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** LANGUAGE_TAG as a zod field. */
export const languageTagSchema = z.string().regex(LANGUAGE_TAG);
