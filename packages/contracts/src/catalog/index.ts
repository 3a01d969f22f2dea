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
  ProductSpecificationRef,
  TimePeriod,
} from './product-offering.ts';
export { ProductSpecification } from './product-specification.ts';
export { VasOffering } from './vas.ts';
export {
  ActivePriceQuery,
  AddOfferingRequest,
  AddPriceRequest,
  AmountInput,
  CatalogId,
  OfferingWindowRequest,
  ProductOfferingListQuery,
} from './admin.ts';
