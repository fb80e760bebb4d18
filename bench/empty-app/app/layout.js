// The reference for the JavaScript budget (bench/README.md): the smallest App Router app, built
// by the bench with the project's own Next.js install, so "what any App Router page ships" is
// measured in the same run as mitreden's pages.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
