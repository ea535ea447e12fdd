import { canonicalJson } from '@hst/common';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { ProductErrorCode, ProductException } from './exceptions/product.exception';

export type DatasetRecord = Record<string, unknown>;

/**
 * The content digest of a dataset: sha256 (hex) of the RFC 8785 (JCS) serialisation of the records array
 * as stored. A vendor computes the same value before registering the data (registration `contentDigest`).
 */
export function datasetDigest(records: readonly DatasetRecord[]): string {
  return canonicalDigest(canonicalJson(records));
}

/** The same digest of records already serialised by canonicalJson (an upload serialises them once). */
export const canonicalDigest = (canonical: string): string =>
  createHash('sha256').update(canonical, 'utf8').digest('hex');

const invalid = (detail: string) => new ProductException(ProductErrorCode.InvalidDataset, detail);

const isPlainObject = (value: unknown): value is DatasetRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON upload must be `{ records: object[] }` with at least one record and nothing else. */
export function recordsFromJson(body: unknown): DatasetRecord[] {
  if (!isPlainObject(body)) throw invalid('the body must be a JSON object { records: object[] }');
  const unknownKeys = Object.keys(body).filter((k) => k !== 'records');
  if (unknownKeys.length > 0) throw invalid(`unknown field ${unknownKeys.join(', ')}`);
  const records = body.records;
  if (!Array.isArray(records)) throw invalid('records must be an array of objects');
  if (records.length === 0) throw invalid('records must not be empty');
  const bad = records.findIndex((r) => !isPlainObject(r));
  if (bad >= 0) throw invalid(`records[${bad}] is not an object`);
  return records as DatasetRecord[];
}

/** A CSV upload: a header row, then one record per row, each an object of strings keyed by the header. */
export function recordsFromCsv(text: string): DatasetRecord[] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw invalid(`malformed CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = rows;
  if (header === undefined) throw invalid('the CSV has no header row');
  if (header.some((name) => name === '')) throw invalid('a CSV header name is empty');
  if (new Set(header).size !== header.length) throw invalid('the CSV header repeats a column name');
  if (body.length === 0) throw invalid('the CSV has no data rows');
  return body.map((row, i) => {
    if (row.length !== header.length) {
      throw invalid(`CSV row ${i + 2} has ${row.length} fields, the header has ${header.length}`);
    }
    // defineProperty: a header such as "__proto__" becomes an ordinary key, never a prototype.
    const record: DatasetRecord = {};
    header.forEach((name, j) =>
      Object.defineProperty(record, name, { value: row[j], enumerable: true, writable: true, configurable: true }),
    );
    return record;
  });
}
