// Wire shapes of the inventory API (filled in by the inventory work).
export {};
