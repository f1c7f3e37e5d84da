/** The business flow chart (业务流程图) core: layout and SVG export, grading, and the derived DFD draft. */
export * from './layout.ts';
export * from './export/svg.ts';
export * from './grade.ts';
export * from './to-dfd.ts';
export * from './draft-steps.ts';
