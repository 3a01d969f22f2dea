// Wire shapes of usage: mediation's TMF635 Usage (usage.ts) and rating's debug surface (rating.ts).
export * from './usage.ts';
export * as rating from './rating.ts';
