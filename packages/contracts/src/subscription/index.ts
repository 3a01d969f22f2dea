// Wire shapes of the subscription API (the parts other services already consume).
export {};
