export * from './document.js';
export * from './codes.js';
export * from './text.js';
