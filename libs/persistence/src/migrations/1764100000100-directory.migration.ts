import type { MigrationInterface, QueryRunner } from 'typeorm';

// Vietnamese letters with diacritics and what they fold to (see foldVietnamese in libs/shared);
// frozen here because a migration must not change after it has run.
const FOLD_FROM =
  'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ' +
  'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ';
const FOLD_TO =
  'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd' +
  'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

const CODE_FORMAT = `'^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}(\\.[A-Z0-9]{1,8})*$'`;

/**
 * Directory (libs/directory): a diacritic-free search column that the database keeps in step with
 * the name however a row is written (import, seed, SQL by hand), and the code format as constraints.
 */
export class Directory1764100000100 implements MigrationInterface {
  name = 'Directory1764100000100';

  async up(q: QueryRunner): Promise<void> {
    // translate() and lower() are immutable, so the column can be generated; translate() does not
    // depend on the database's locale, which lower() alone would for non-ASCII letters.
    await q.query(`
      ALTER TABLE agency ADD COLUMN search_text text GENERATED ALWAYS AS (
        lower(translate(
          name || ' ' || coalesce(short_name, '') || ' ' || coalesce(abbreviation, ''),
          '${FOLD_FROM}', '${FOLD_TO}'))
      ) STORED`);
    await q.query(`ALTER TABLE agency ADD CONSTRAINT ck_agency_code_format CHECK (code ~ ${CODE_FORMAT})`);
    await q.query(`
      ALTER TABLE agency ADD CONSTRAINT ck_agency_successor_code_format
        CHECK (successor_code IS NULL OR successor_code ~ ${CODE_FORMAT})`);
    await q.query(`
      ALTER TABLE agency ADD CONSTRAINT ck_agency_not_own_successor
        CHECK (successor_code IS NULL OR successor_code <> code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency DROP CONSTRAINT ck_agency_not_own_successor`);
    await q.query(`ALTER TABLE agency DROP CONSTRAINT ck_agency_successor_code_format`);
    await q.query(`ALTER TABLE agency DROP CONSTRAINT ck_agency_code_format`);
    await q.query(`ALTER TABLE agency DROP COLUMN search_text`);
  }
}
