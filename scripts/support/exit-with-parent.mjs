// Loaded into the Next.js server (scripts/next-server.ts, through NODE_OPTIONS): the server ends
// when the process that started it is gone. When `npm start` is killed outright (SIGKILL, a
// closed terminal) its server would otherwise keep the port, and the next start would fail on it.
// Node has no parent-death signal, so the parent's id is checked once a second. The starter
// names itself in MITREDEN_PARENT_PID, so a parent that died before this ran is noticed too;
// the processes the server starts in turn watch their own parent.
const parent = Number(process.env.MITREDEN_PARENT_PID) || process.ppid;
delete process.env.MITREDEN_PARENT_PID;
const check = () => {
  if (process.ppid !== parent) process.exit(1);
};
if (parent > 1) {
  check();
  setInterval(check, 1_000).unref();
}
