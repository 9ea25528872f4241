import { HELD_OUT_FRACTION, partition, type Partition } from '../splits.js';
import { ADDRESS_DOCUMENTS } from './address-documents.js';
import { CONTACT_DOCUMENTS } from './contact-documents.js';
import type { DocumentType, TextTemplate } from './document-types.js';
import { EVENT_DOCUMENTS } from './event-documents.js';
import { JOB_POSTING_DOCUMENTS } from './job-posting-documents.js';
import { ORDER_DOCUMENTS } from './order-documents.js';
import { PRODUCT_DOCUMENTS } from './product-documents.js';

export const DOCUMENT_TYPES: readonly DocumentType[] = [CONTACT_DOCUMENTS, ADDRESS_DOCUMENTS, ORDER_DOCUMENTS, EVENT_DOCUMENTS, PRODUCT_DOCUMENTS, JOB_POSTING_DOCUMENTS];

export const TEXT_TEMPLATE_PARTITIONS: ReadonlyMap<string, Partition<TextTemplate>> = new Map(
  DOCUMENT_TYPES.map((type) => [type.name, partition(`extraction:${type.name}`, type.templates, (template) => template.text, HELD_OUT_FRACTION.templates)]),
);
