// GET /public/audit-anchors/:day — the latest anchor of a China day as a JSON file (上链, 000 §25) for regulators and
// other third parties to download and archive; no token (an anchor is a root, a count and a signature, no record data).
import type { Request, Response } from 'express';
import { AppError, type Logger } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { AuditAnchor } from '../entities/audit-anchor';
import { checkDay } from '../domain/anchors';
import { publicAnchor } from '../domain/offline-verify';

export function publicAnchorHandler(deps: { ds: DataSource; logger: Logger }) {
  return async (req: Request, res: Response): Promise<void> => {
    const day = String(req.params.day).replace(/\.json$/, '');
    try {
      checkDay(day, new Date());
      const a = await deps.ds.getRepository(AuditAnchor).findOne({ where: { day }, order: { anchoredAt: 'DESC' } });
      if (!a) { res.status(404).json({ error: `no anchor for ${day} yet` }); return; }
      const file = publicAnchor(a);
      res.status(200).type('application/json').setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
      res.send(file.fileJson);
    } catch (e) {
      if (e instanceof AppError) { res.status(400).json({ error: e.message }); return; }
      deps.logger.error({ err: e }, 'public anchor failed');
      res.status(500).json({ error: 'internal error' });
    }
  };
}
