// Vitest runs server modules directly; `server-only` would throw outside Next's react-server build.
export {};
