import { registerEnumType } from 'type-graphql';

export enum OpenDatasetOpenType { UNCONDITIONAL = 'UNCONDITIONAL', CONDITIONAL = 'CONDITIONAL' }
export enum OpenDatasetStatus { DRAFT = 'DRAFT', PUBLISHED = 'PUBLISHED', SUSPENDED = 'SUSPENDED', WITHDRAWN = 'WITHDRAWN' }
export enum OpenDataFormat { CSV = 'CSV', JSON = 'JSON', XML = 'XML', XLSX = 'XLSX' }
export enum OpenDatasetOpenMode { DOWNLOAD = 'DOWNLOAD', API = 'API', MODEL_RESULT = 'MODEL_RESULT' }
export enum OpenDatasetUpdateFrequency {
  REALTIME = 'REALTIME', DAILY = 'DAILY', WEEKLY = 'WEEKLY', MONTHLY = 'MONTHLY', QUARTERLY = 'QUARTERLY', YEARLY = 'YEARLY', IRREGULAR = 'IRREGULAR',
}

registerEnumType(OpenDatasetOpenType, { name: 'OpenDatasetOpenType', description: '无条件开放 / 有条件开放 (003 §18); NOT_OPEN data has no open dataset' });
registerEnumType(OpenDatasetStatus, { name: 'OpenDatasetStatus', description: 'SUSPENDED: taken down at once after a complaint (003 §17); WITHDRAWN: opening terminated after verification' });
registerEnumType(OpenDataFormat, { name: 'OpenDataFormat', description: 'machine-readable formats (000 §20)' });
registerEnumType(OpenDatasetOpenMode, { name: 'OpenDatasetOpenMode', description: '数据下载 / 接口调用 / 算法模型结果 (003 §22); CONDITIONAL data is never a bulk download' });
registerEnumType(OpenDatasetUpdateFrequency, { name: 'OpenDatasetUpdateFrequency' });
