import { registerEnumType } from 'type-graphql';

export enum RegionLevel { CITY = 'CITY', COUNTY = 'COUNTY' }
export enum ResourceCategory { BASE = 'BASE', THEME = 'THEME', DEPARTMENT = 'DEPARTMENT' }
export enum ShareType { UNCONDITIONAL = 'UNCONDITIONAL', CONDITIONAL = 'CONDITIONAL', NOT_SHARED = 'NOT_SHARED' }
export enum OpenType { UNCONDITIONAL = 'UNCONDITIONAL', CONDITIONAL = 'CONDITIONAL', NOT_OPEN = 'NOT_OPEN' }
export enum SensitivityGrade { NONE = 'NONE', LOW = 'LOW', MEDIUM = 'MEDIUM', HIGH = 'HIGH' }
export enum ResourceStatus { DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', PUBLISHED = 'PUBLISHED', RETIRED = 'RETIRED' }
export enum ItemType { STRING = 'STRING', INTEGER = 'INTEGER', DECIMAL = 'DECIMAL', DATE = 'DATE', DATETIME = 'DATETIME', BOOLEAN = 'BOOLEAN', BINARY = 'BINARY' }

registerEnumType(RegionLevel, { name: 'RegionLevel' });
registerEnumType(ResourceCategory, { name: 'ResourceCategory', description: 'BASE (population, legal person, geo, credit, e-licence), THEME, DEPARTMENT (004 §15)' });
registerEnumType(ShareType, { name: 'ShareType', description: '无条件共享 / 有条件共享 / 不予共享 (004 §7)' });
registerEnumType(OpenType, { name: 'OpenType', description: '无条件开放 / 有条件开放 / 不予开放' });
registerEnumType(SensitivityGrade, { name: 'SensitivityGrade', description: '不敏感 / 低敏感 / 较敏感 / 敏感 (000 §8)' });
registerEnumType(ResourceStatus, { name: 'ResourceStatus' });
registerEnumType(ItemType, { name: 'DataItemType' });
