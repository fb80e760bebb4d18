import { connection } from "next/server";
import { checkDatabase } from "@/lib/health/check-database";
import { UNAVAILABLE_HEADERS } from "@/lib/health/database-gate";

export async function GET(): Promise<Response> {
  await connection();
  const ok = await checkDatabase();
  return Response.json(
    { status: ok ? "ok" : "unavailable" },
    { status: ok ? 200 : 503, headers: ok ? { "Cache-Control": "no-store" } : UNAVAILABLE_HEADERS },
  );
}
