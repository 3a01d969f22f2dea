// Wire shapes of the crm API (filled in by the crm work).
export {};
