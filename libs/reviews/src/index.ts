export * from './reviews.module';
export * from './pack-compiler.service';
export * from './pack';
export * from './review-period';
export * from './survey-figures';
export * from './complaint-figures';
export * from './action-figures';
export * from './sla';
