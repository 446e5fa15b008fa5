import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A durable recurring job (the yearly survey reminder): fires at `nextDueAt`, once, whatever the number of workers. */
@Entity('schedules')
export class ScheduleEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) key: string;
  @Column({ name: 'next_due_at', type: 'datetime', precision: 6 }) nextDueAt: Date;
  @Column({ type: 'int', default: 0 }) runs: number;
  @Column({ name: 'last_fired_at', type: 'datetime', precision: 6, nullable: true }) lastFiredAt: Date | null;
  @Column({ name: 'last_instance_id', type: 'varchar', length: 36, nullable: true }) lastInstanceId: string | null;
}
