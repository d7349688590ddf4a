import type { CataloguePort } from './catalogue-port.js';
import { fallbackCatalogue } from './fallback-catalogue.js';

/**
 * The catalogue the engine uses. Wired to the generated Kafka catalogue
 * (../catalogue) once it exists; the fallback covers the keys the rules read.
 */
export function activeCatalogue(): CataloguePort {
  return fallbackCatalogue;
}
