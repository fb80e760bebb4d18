import { notFound } from "next/navigation";

// Deeper paths under a dialogue do not exist yet; answer them with the translated 404.
export default function UnknownDialogueSubpage(): never {
  notFound();
}
