// Typed client of the inventory API (MSISDN and eSIM pools, number porting) served by the CRM service.
export {};
