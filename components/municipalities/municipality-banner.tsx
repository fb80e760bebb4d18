import { headers } from "next/headers";
import { getBranding } from "@/lib/municipalities/get-branding";
import { apiPaths } from "@/lib/routes/paths";

/**
 * The municipality's name (its page's heading there) with its logo on its accent colour. The accent reaches the CSS through
 * a <style> carrying this request's CSP nonce (no style attribute, no script): the database
 * holds only "#rrggbb" (CHECK municipality_accent_color_format), and the value is checked again
 * here before it is written into CSS.
 */
export async function MunicipalityBanner({ municipalityId, heading = false }: { municipalityId: string; heading?: boolean }) {
  const branding = await getBranding(municipalityId);
  if (!branding) return null;
  const accent = branding.accentColor && /^#[0-9a-f]{6}$/.test(branding.accentColor) ? branding.accentColor : null;
  const nonce = accent ? ((await headers()).get("x-nonce") ?? undefined) : undefined;
  return (
    <div className="municipality-banner flex min-h-12 items-center gap-3 rounded px-3 py-2" data-testid="municipality-banner">
      {accent && nonce && <style nonce={nonce}>{`.municipality-banner{--municipality-accent:${accent}}`}</style>}
      {branding.logo && (
        // The logo is re-encoded at upload and its URL carries its version (decision 036). Alt text
        // is empty: the name stands beside it.
        // eslint-disable-next-line @next/next/no-img-element -- next/image is a client component (JavaScript for a 40 px logo) that writes style="color:transparent", which our CSP refuses
        <img
          src={apiPaths.municipalityLogo(branding.id, branding.logo.updatedAt.getTime())}
          alt=""
          width={Math.round((branding.logo.width / branding.logo.height) * 40)}
          height={40}
          className="h-10 w-auto rounded bg-white p-0.5"
        />
      )}
      {heading ? (
        <h1 className="text-3xl">
          <bdi>{branding.name}</bdi>
        </h1>
      ) : (
        <p className="text-lg font-bold">
          <bdi>{branding.name}</bdi>
        </p>
      )}
    </div>
  );
}
