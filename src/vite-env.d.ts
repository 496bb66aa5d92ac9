/// <reference types="vite/client" />
// Build-time flag: false when built with VITE_MOCK=off, so the mock is not in the bundle at all.
declare const __MOCK_INCLUDED__: boolean
