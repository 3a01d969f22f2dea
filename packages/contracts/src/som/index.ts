// Wire shapes of SOM (service order management): TMF641 ServiceOrder, TMF638 Service, SOM's own view and the
// cancel gate COM calls. No `.meta({ id })` on them: a registered id lands in every service's OpenAPI
// components, so SOM's shapes are inlined in SOM's document only.
export { SomId } from './ids.ts';
export * from './cancel.ts';
export * from './tmf641.ts';
export * from './tmf638.ts';
export * from './view.ts';
