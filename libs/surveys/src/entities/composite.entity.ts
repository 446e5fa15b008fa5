import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A composite satisfaction figure across weighted sources, kept with its inputs so it can be recomputed. */
@Entity('composites')
export class CompositeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'varchar', length: 32, nullable: true }) period: string | null;
  @Column({ type: 'simple-json' }) input: unknown;
  @Column({ type: 'simple-json' }) result: Record<string, unknown>;
  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 6 }) createdAt: Date;
}
