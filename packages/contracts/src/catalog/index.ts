// Wire shapes of the catalog API (filled in by the catalog work).
export {};
