import { Module, OnModuleInit } from '@nestjs/common';
import { FactProviders } from '@satisflow/engine';
import { managementReview } from '@satisflow/workflows';
import { PackCompiler } from './pack-compiler.service';
import { ReviewsController } from './reviews.controller';

/**
 * The management-review pack. The server compiles it; at SUBMIT the engine compiles it
 * again inside the transition and the machine freezes the submitted sections only when
 * they hash as the server's compilation does (so no figure is retyped or stale), keeping
 * that hash; the general manager's signed APPROVE records the revision and hash it signs.
 */
@Module({
  controllers: [ReviewsController],
  providers: [PackCompiler],
  exports: [PackCompiler],
})
export class ReviewsModule implements OnModuleInit {
  constructor(
    private readonly facts: FactProviders,
    private readonly packs: PackCompiler,
  ) {}

  onModuleInit(): void {
    this.facts.register(managementReview.key, (m, instance, event, data) => this.packs.fact(m, instance, event, data));
  }
}
