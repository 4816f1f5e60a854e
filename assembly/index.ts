// The kernels module: every family file's exports, compiled by asc into build/kernels.wasm.
export * from './agg';
export * from './group';
export * from './sort';
export * from './search';
export * from './arith';
export * from './hash';
export * from './scan';
export * from './temporal';
export * from './csv';
export * from './matrix';
