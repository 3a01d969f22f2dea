// Wire shapes of the inventory API (MSISDN and eSIM pools, TMF639 view) and of number porting, served by CRM.
export * from './esim.ts';
export * from './msisdn.ts';
export * from './port-request.ts';
export * from './tmf639.ts';
