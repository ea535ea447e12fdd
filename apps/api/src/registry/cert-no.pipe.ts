import { NotFoundError } from '@hst/common';
import { Injectable, PipeTransform } from '@nestjs/common';

const CERT_NO = /^WHDR-\d{4}-\d{6}$/;

/** A path certNo that cannot be a certificate number names no certificate: 404, before any query. */
@Injectable()
export class CertNoPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CERT_NO.test(value)) throw new NotFoundError('certificate', value.slice(0, 40));
    return value;
  }
}
