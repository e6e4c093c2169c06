import { registerEnumType } from 'type-graphql';

/** 统建项目 (organised city-wide, usually owned by the big-data centre) / 自建项目 (a department's own), 001 临湘项目办法 §5 */
export enum DigitalProjectKind { UNIFIED = 'UNIFIED', SELF_BUILT = 'SELF_BUILT' }
/** The skeleton's first steps of the lifecycle; review, approval, procurement, acceptance and O&M come later. */
export enum DigitalProjectStatus { PLANNED = 'PLANNED', SUBMITTED = 'SUBMITTED' }

registerEnumType(DigitalProjectKind, { name: 'DigitalProjectKind', description: '统建项目 / 自建项目 (001 临湘项目办法 §5)' });
registerEnumType(DigitalProjectStatus, { name: 'DigitalProjectStatus', description: '计划中 / 已申报' });
