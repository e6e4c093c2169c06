import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';
import type { Sm4Keyring } from '@gov/gm-crypto';
import type { SigningKey } from './domain/anchor';
import type { ChainAppender } from './domain/appender';

export interface SecurityDeps { ds: DataSource; keyring: Sm4Keyring; signer: SigningKey; appender: ChainAppender }
export type SecurityContext = SubgraphContext<SecurityDeps>;
