import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A customer service file (用户服务档案), opened when a product is delivered; surveys sample from these. */
@Entity('customers')
export class CustomerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 64 }) code: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) contact: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) email: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) fax: string | null;
  @Column({ name: 'product_type', type: 'varchar', length: 100, nullable: true }) productType: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) region: string | null;
  @Column({ name: 'customer_type', type: 'varchar', length: 100, nullable: true }) customerType: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) site: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 6 }) createdAt: Date;
}
