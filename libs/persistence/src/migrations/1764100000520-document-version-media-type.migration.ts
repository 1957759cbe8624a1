import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * documents (docs/exchange.md, "Process"): a stored version is not always a PDF any more: a
 * document received by exchange keeps its other attachments (Word, Excel, images, archives) as
 * files of the entry. Their media type, one of the allow-listed ones or application/octet-stream
 * (libs/documents/src/media-type.ts); every version before this one is a PDF.
 */
export class DocumentVersionMediaType1764100000520 implements MigrationInterface {
  name = 'DocumentVersionMediaType1764100000520';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE document_version ADD COLUMN media_type varchar(100) NOT NULL DEFAULT 'application/pdf'
         CONSTRAINT ck_document_version_media_type CHECK (media_type ~ '^[a-z0-9.+-]+/[a-z0-9.+-]+$')`,
    );
  }

  /** Refused while files that are not PDFs are stored: without the column they would pass for PDFs. */
  async down(q: QueryRunner): Promise<void> {
    const [{ n }] = (await q.query(
      `SELECT count(*)::int AS n FROM document_version WHERE media_type <> 'application/pdf'`,
    )) as { n: number }[];
    if (n > 0)
      throw new Error(
        `${n} stored files are not PDFs (attachments of received documents): remove them before reverting this migration`,
      );
    await q.query(`ALTER TABLE document_version DROP COLUMN media_type`);
  }
}
