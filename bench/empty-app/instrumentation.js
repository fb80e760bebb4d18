// Next.js would otherwise pick up the project's instrumentation.ts (which needs mitreden's
// environment); the reference app has nothing to register.
export function register() {}
