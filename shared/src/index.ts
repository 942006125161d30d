export * from './access.js';
export * from './api.js';
export * from './board.js';
export * from './closeCodes.js';
export * from './clusters.js';
export * from './migrations.js';
export * from './wire.js';
export * from './workshopApi.js';
