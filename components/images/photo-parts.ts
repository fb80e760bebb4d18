import { FileField } from "@/components/form/file-field";
import { FoldOnError } from "@/components/form/folded";
import { TextField } from "@/components/form/form-fields";
import type { PhotoParts } from "./photo-fields";

/**
 * The photo fields' parts for the forms of the form routes (post, voice, on-behalf), whose code
 * carries the form core already (decision 068); a read route passes the deferred ones.
 */
export const photoParts: PhotoParts = { FileField, FoldOnError, TextField };
