// Sharing a case safely: pseudonymised copies and the details that may still identify a family.
export { findIdentifyingDetails, kindLabels, loadNameTagger, mayNeedNameTagger, nameTaggerReady, nhsCheckDigitValid, type Finding, type IdentifierKind } from './detect';
export { mappingDocument, shareableCopy, type DateHandling, type MappingEntry, type ShareOptions, type ShareResult } from './share';
