// Wire shapes of the catalog API: TMF620 resources, VAS offerings and the operator write bodies.
export {
  AllowanceType,
  AllowanceUse,
  AllowanceValue,
  decimalFromMoney,
  EmbeddedOfferingPrice,
  Money,
  ProductOffering,
  ProductOfferingFields,
  ProductOfferingPrice,
  ProductOfferingPriceFields,
  ProductSpecificationRef,
  TimePeriod,
} from './product-offering.ts';
export { ProductSpecification, ProductSpecificationFields } from './product-specification.ts';
export {
  CatalogRefInput,
  ProductOfferingCreate,
  ProductOfferingListQuery,
  ProductOfferingPatch,
  ProductOfferingPriceCreate,
  ProductOfferingPriceListQuery,
  ProductOfferingPricePatch,
  ProductSpecificationCreate,
  ProductSpecificationListQuery,
  ProductSpecificationPatch,
  type PeriodPatch,
} from './tmf-write.ts';
export { VasOffering } from './vas.ts';
export {
  ActivePriceQuery,
  AddOfferingRequest,
  AddPriceRequest,
  AmountInput,
  CatalogId,
  OfferingWindowRequest,
} from './admin.ts';
