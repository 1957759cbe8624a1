import { sortCaseFileDocuments } from './case-file-order';
import type { CaseFileDocument, CaseFileSpec } from './register-print.types';
import { escapeXml } from './xml-escape';

const element = (name: string, value: string | number | null, indent: string): string[] =>
  value === null ? [] : [`${indent}<${name}>${escapeXml(String(value))}</${name}>`];

/** `12/QĐ-UBND` → CodeNumber `12`, CodeNotation `QĐ-UBND`, as edXML's Code splits them. */
function code(numberNotation: string): { number: string | null; notation: string } {
  const slash = numberNotation.indexOf('/');
  return slash < 0
    ? { number: null, notation: numberNotation.trim() }
    : { number: numberNotation.slice(0, slash).trim(), notation: numberNotation.slice(slash + 1).trim() };
}

function documentXml(document: CaseFileDocument, ordinal: number): string[] {
  const i = '      ';
  const { number, notation } = code(document.numberNotation);
  return [
    `    <Document direction="${document.direction === 'incoming' ? 'incoming' : 'outgoing'}">`,
    ...element('DocOrdinal', ordinal, i),
    ...element('DocumentId', document.documentIdentifier, i),
    ...element('CodeNumber', number, i),
    ...element('CodeNotation', notation, i),
    ...element('IssuedDate', document.date, i),
    ...element('TypeName', document.typeName, i),
    ...element('Subject', document.subject, i),
    ...element('OrganName', document.issuer, i),
    `${i}<SignerInfo>`,
    ...element('FullName', document.signer, `${i}  `),
    `${i}</SignerInfo>`,
    ...element('PageAmount', document.pageAmount, i),
    '    </Document>',
  ];
}

/**
 * A case file (hồ sơ) as XML, documents in date order. Element names are the ND30 / edXML field
 * names of docs/domain.md (FileCatalog, FileNotation, DocOrdinal, CodeNotation, IssuedDate…);
 * fields without a value are left out rather than written empty.
 */
export function renderCaseFileXml(spec: CaseFileSpec): string {
  const documents = sortCaseFileDocuments(spec.documents);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CaseFile>',
    ...element('OrganName', spec.agencyName, '  '),
    ...element('FileCatalog', spec.year, '  '),
    ...element('FileNotation', spec.code, '  '),
    ...element('Title', spec.title, '  '),
    ...element('Keeper', spec.keeper, '  '),
    ...element('DocTotal', documents.length, '  '),
    documents.length === 0 ? '  <Documents/>' : '  <Documents>',
    ...documents.flatMap((d, n) => documentXml(d, n + 1)),
    ...(documents.length === 0 ? [] : ['  </Documents>']),
    '</CaseFile>',
    '',
  ].join('\n');
}
