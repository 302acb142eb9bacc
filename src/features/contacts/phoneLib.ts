// Re-exports only what the console uses, so the lazily loaded chunk tree-shakes the rest of
// libphonenumber-js (AsYouType, findNumbers, …) instead of shipping the whole namespace.
export {
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/min';
