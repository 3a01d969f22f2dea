// Wire shapes of the payment API (filled in by the payment work).
export {};
