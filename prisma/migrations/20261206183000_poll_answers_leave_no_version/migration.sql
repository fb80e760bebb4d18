-- An answer to a poll changes nothing a public page shows: results are published only once the
-- poll is closed, and then answers are final (the database refuses changes). So a PollAnswer
-- write must not bump the dialogue's public version either: each bump empties the dialogue's
-- cached pages, and a reader watching the cache (or the render time) would count answers as
-- they come and time them — who answered when, next to a group's "fewer than 5" (decision 048).
-- Closing a poll early is a "Poll" write, which still bumps; a poll that closes by its time is
-- shown closed once the page cache's maximum age has passed, as before.
DROP TRIGGER public_version_note ON "PollAnswer";
DROP TRIGGER public_version_bump ON "PollAnswer";
