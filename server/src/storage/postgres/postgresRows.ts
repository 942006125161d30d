export * from '../insertColumns.js';
export * from '../rows.js';
