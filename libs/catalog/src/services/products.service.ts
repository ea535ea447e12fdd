import { AuditActor, AuditService, auditActorOf } from '@hst/audit';
import { Actor, canonicalJson, NotFoundError, nextState } from '@hst/common';
import { OutboxService } from '@hst/outbox';
import { CertificateFacts, CertificateService, PublicDataAuthorizationService } from '@hst/registry';
import { roleFor, SubjectEntity } from '@hst/subjects';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { canonicalDigest, DatasetRecord, recordsFromCsv, recordsFromJson } from '../dataset';
import type { CreateProductDto, UpdateProductDto } from '../dto/product.dto';
import type { DatasetUploadResponse, ProductPage, ProductResponse } from '../dto/product.response';
import type { ProductsQuery } from '../dto/products.query';
import { ProductDatasetEntity } from '../entities/product-dataset.entity';
import { ProductEntity } from '../entities/product.entity';
import { ProductErrorCode, ProductException } from '../exceptions/product.exception';
import { checkedPriceFen } from '../price';
import { DatasetMeta, toProductResponse } from '../product.mapper';
import {
  isProductOwner,
  isProductReader,
  isPubliclyVisible,
  PRODUCT_OWNER_ROLES,
  productRoleFor,
  submissionProblem,
} from '../product-policy';
import { EDITABLE_STATUSES, PRODUCT_EVENT, PRODUCT_MACHINE, ProductAction } from '../product-status';
import { ProductSearchRepository } from '../repositories/product-search.repository';

/** What licensing reads of a product: whether a buyer may license it now, its pricing, policy and source. */
export type LicensableProduct = Pick<
  ProductEntity,
  'id' | 'vendorId' | 'status' | 'pricingModel' | 'priceFen' | 'policy' | 'sourceType' | 'category'
> & {
  /** Listed and its vendor active: what the public catalog shows. */
  visible: boolean;
};

/** A dataset upload as the HTTP layer received it: a parsed JSON body, or CSV text. */
export type DatasetUpload = { format: 'json'; body: unknown } | { format: 'csv'; body: string };

/** The transitions that must (again) meet the submission rules: to review, and to the public catalog. */
const CHECKED_ACTIONS: readonly ProductAction[] = ['submit', 'relist', 'approve'];

const DATASET_META_COLUMNS: (keyof ProductDatasetEntity)[] = [
  'productId',
  'recordCount',
  'contentDigest',
  'byteSize',
  'uploadedAt',
];

@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly certificates: CertificateService,
    private readonly authorizations: PublicDataAuthorizationService,
    private readonly search: ProductSearchRepository,
  ) {}

  /** A new product, `draft`, owned by the actor's subject (a vendor or an operator). */
  async create(actor: Actor, dto: CreateProductDto): Promise<ProductResponse> {
    const role = roleFor(actor, PRODUCT_OWNER_ROLES);
    const priceFen = checkedPriceFen(dto.pricing.priceFen);
    return this.dataSource.transaction(async (manager) => {
      const product = await manager.save(
        manager.create(ProductEntity, {
          vendorId: actor.subjectId,
          title: dto.title,
          summary: dto.summary,
          description: dto.description,
          category: dto.category,
          tags: dto.tags,
          sourceType: dto.sourceType,
          deliveryMode: dto.deliveryMode,
          updateFrequency: dto.updateFrequency,
          pricingModel: dto.pricing.model,
          priceFen,
          certNo: dto.certNo,
          policy: { ...dto.policy },
          status: 'draft',
          statusReason: null,
          listedAt: null,
        }),
      );
      const data = { title: product.title, category: product.category, certNo: product.certNo, priceFen };
      await this.record(manager, auditActorOf(actor, role), 'product.created', product.id, data);
      return this.view(manager, product);
    });
  }

  /** Edits a draft or rejected product (the owner only); the status never changes here. */
  async update(actor: Actor, id: string, dto: UpdateProductDto): Promise<ProductResponse> {
    return this.dataSource.transaction(async (manager) => {
      const product = await this.lock(manager, id);
      const role = productRoleFor(actor, product, 'edit');
      if (!EDITABLE_STATUSES.includes(product.status)) throw new ProductException(ProductErrorCode.NotEditable);
      const { pricing, policy, ...fields } = dto;
      Object.assign(product, fields);
      if (pricing) Object.assign(product, { pricingModel: pricing.model, priceFen: checkedPriceFen(pricing.priceFen) });
      if (policy) product.policy = { ...policy };
      await manager.save(product);
      const data = { fields: Object.keys(dto).sort() };
      await this.record(manager, auditActorOf(actor, role), 'product.updated', id, data);
      return this.view(manager, product);
    });
  }

  /** Stores (replaces) the dataset of a draft or rejected product and reports whether it matches the certificate. */
  async uploadDataset(actor: Actor, id: string, upload: DatasetUpload): Promise<DatasetUploadResponse> {
    const records: DatasetRecord[] =
      upload.format === 'csv' ? recordsFromCsv(upload.body) : recordsFromJson(upload.body);
    const canonical = canonicalJson(records);
    const contentDigest = canonicalDigest(canonical);
    return this.dataSource.transaction(async (manager) => {
      const product = await this.lock(manager, id);
      const role = productRoleFor(actor, product, 'edit');
      if (!EDITABLE_STATUSES.includes(product.status)) throw new ProductException(ProductErrorCode.NotEditable);
      const dataset = {
        productId: id,
        records,
        recordCount: records.length,
        contentDigest,
        byteSize: Buffer.byteLength(canonical, 'utf8'),
        uploadedAt: new Date(),
      };
      await manager.upsert(ProductDatasetEntity, dataset as QueryDeepPartialEntity<ProductDatasetEntity>, [
        'productId',
      ]);
      const certificate = await this.certificates.facts(product.certNo, manager);
      const matchesCertificate = certificate?.contentDigest === contentDigest;
      const data = { recordCount: records.length, contentDigest, byteSize: dataset.byteSize, format: upload.format };
      await this.record(manager, auditActorOf(actor, role), 'product.dataset_uploaded', id, data);
      return { recordCount: records.length, contentDigest, matchesCertificate };
    });
  }

  /** The one place a product changes state at a user's request. */
  async transition(actor: Actor, id: string, action: ProductAction, reason?: string): Promise<ProductResponse> {
    return this.dataSource.transaction(async (manager) => {
      const product = await this.lock(manager, id);
      const role = productRoleFor(actor, product, action);
      await this.apply(manager, product, action, auditActorOf(actor, role), reason);
      return this.view(manager, product);
    });
  }

  /**
   * Applies a transition to a locked product: checks it against the machine (409) and, when going to
   * review or to the catalog, the submission rules (422); writes the row, the audit event and the domain
   * event in the caller's transaction. The cascades call it with the system actor (null).
   */
  async apply(
    manager: EntityManager,
    product: ProductEntity,
    action: ProductAction,
    actor: AuditActor | null,
    reason?: string,
  ): Promise<void> {
    const from = product.status;
    const to = nextState(PRODUCT_MACHINE, from, action);
    if (CHECKED_ACTIONS.includes(action)) await this.checkSubmission(manager, product);
    product.status = to;
    product.statusReason = reason ?? null;
    if (to === 'listed') product.listedAt = new Date();
    await manager.save(product);
    const change = { from, to, ...(reason === undefined ? {} : { reason }) };
    await this.record(manager, actor, PRODUCT_EVENT[action], product.id, {
      ...change,
      vendorId: product.vendorId,
      certNo: product.certNo,
    });
  }

  /** A product: public when listed and its vendor is active; any state to its owner, admins and regulators. */
  async get(actor: Actor | null, id: string): Promise<ProductResponse> {
    const manager = this.dataSource.manager;
    const product = await manager.findOneBy(ProductEntity, { id });
    if (!product) throw new NotFoundError('product', id);
    const vendor = await manager.findOneByOrFail(SubjectEntity, { id: product.vendorId });
    if (!isPubliclyVisible(product, vendor) && !isProductOwner(actor, product) && !isProductReader(actor)) {
      throw new NotFoundError('product', id);
    }
    return this.view(manager, product, vendor);
  }

  /** The product as licensing needs it (any state), or undefined when it does not exist. */
  async forLicensing(
    productId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LicensableProduct | undefined> {
    const product = await manager.findOneBy(ProductEntity, { id: productId });
    if (!product) return undefined;
    const vendor = await manager.findOneByOrFail(SubjectEntity, { id: product.vendorId });
    const { id, vendorId, status, pricingModel, priceFen, policy, sourceType, category } = product;
    return {
      id,
      vendorId,
      status,
      pricingModel,
      priceFen,
      policy,
      sourceType,
      category,
      visible: isPubliclyVisible(product, vendor),
    };
  }

  /** The public catalog, or (`mine=true`) the caller's own products in any state. */
  async list(actor: Actor | null, query: ProductsQuery): Promise<ProductPage> {
    if (query.mine) {
      if (actor === null) throw new ProductException(ProductErrorCode.LoginRequired);
      return this.search.findByQuery({ kind: 'vendor', vendorId: actor.subjectId }, query);
    }
    return this.search.findByQuery({ kind: 'public' }, query);
  }

  private async checkSubmission(manager: EntityManager, product: ProductEntity): Promise<void> {
    const dataset = await manager.findOne(ProductDatasetEntity, {
      where: { productId: product.id },
      select: DATASET_META_COLUMNS,
    });
    const certificate = await this.certificates.facts(product.certNo, manager);
    const publicDataAuthorized =
      product.sourceType === 'public' &&
      (await this.authorizations.hasActiveCovering(product.vendorId, product.category, manager));
    const problem = submissionProblem({
      product,
      datasetDigest: dataset?.contentDigest ?? null,
      certificate,
      publicDataAuthorized,
    });
    if (problem) throw new ProductException(...problem);
  }

  private async lock(manager: EntityManager, id: string): Promise<ProductEntity> {
    const product = await manager.findOne(ProductEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!product) throw new NotFoundError('product', id);
    return product;
  }

  private async view(manager: EntityManager, product: ProductEntity, vendor?: SubjectEntity): Promise<ProductResponse> {
    const owner = vendor ?? (await manager.findOneByOrFail(SubjectEntity, { id: product.vendorId }));
    const dataset: DatasetMeta | null = await manager.findOne(ProductDatasetEntity, {
      where: { productId: product.id },
      select: DATASET_META_COLUMNS,
    });
    const certificate: CertificateFacts | undefined = await this.certificates.facts(product.certNo, manager);
    return toProductResponse(product, { id: owner.id, name: owner.name }, dataset, certificate);
  }

  private async record(
    manager: EntityManager,
    actor: AuditActor | null,
    action: string,
    productId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(manager, { actor, action, entityType: 'product', entityId: productId, data });
    await this.outbox.publish(manager, {
      type: action,
      aggregateType: 'product',
      aggregateId: productId,
      payload: data,
    });
  }
}
