import type { DatasetUpload } from '@hst/catalog';
import { UnsupportedMediaTypeException } from '@nestjs/common';

/** The media types PUT /products/:id/dataset accepts (configure-app registers the CSV parser). */
export const DATASET_MEDIA_TYPES = ['application/json', 'text/csv'] as const;

/** Content negotiation of a dataset upload: JSON or CSV, anything else 415. */
export function datasetUpload(contentType: string | undefined, body: unknown): DatasetUpload {
  const essence = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (essence === 'application/json') return { format: 'json', body };
  if (essence === 'text/csv' && typeof body === 'string') return { format: 'csv', body };
  throw new UnsupportedMediaTypeException(`Send the dataset as ${DATASET_MEDIA_TYPES.join(' or ')}`);
}
