// A link to one comment on its contribution page. The thread is read a page at a time
// (lib/comments/list-comments.ts), so the fragment alone would land on the first page: the
// query names the comment, and the page that holds it is shown.

/** `?comment=<id>#comment-<id>`, to append to a contribution page's path. */
export function commentAnchor(commentId: string): string {
  return `?comment=${encodeURIComponent(commentId)}#comment-${encodeURIComponent(commentId)}`;
}
