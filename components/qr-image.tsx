import QRCode from "qrcode";

/**
 * A link as a QR code, drawn on the server as inline SVG (no request leaves the site, it prints
 * sharp; made by the qrcode library from our own URL, never from input markup), shown as one
 * image named by `label`, as wide as it may be.
 */
export async function QrImage({ url, label, className }: { url: string; label: string; className: string }) {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return <div role="img" aria-label={label} className={`w-full [&_svg]:block [&_svg]:h-auto [&_svg]:w-full ${className}`} dangerouslySetInnerHTML={{ __html: svg }} />;
}
