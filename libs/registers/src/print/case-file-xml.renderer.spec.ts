import { spawnSync } from 'node:child_process';
import { renderCaseFileXml } from './case-file-xml.renderer';
import { pdfTools } from './pdf-tools.test-helper';
import type { CaseFileSpec } from './register-print.types';
import { registerSamples } from './register-samples.test-helper';

const doc = registerSamples.document;

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** Python's expat (Debian's python3), an independent strict parser: it refuses ill-formed XML. */
function parseXml(xml: string): XmlNode {
  const script = `
import json, sys, xml.dom.minidom as m
def node(e):
    kids = [c for c in e.childNodes if c.nodeType == c.ELEMENT_NODE]
    text = ''.join(c.data for c in e.childNodes if c.nodeType == c.TEXT_NODE)
    return {'name': e.tagName, 'attributes': dict(e.attributes.items()), 'text': text if not kids else '',
            'children': [node(c) for c in kids]}
print(json.dumps(node(m.parseString(sys.stdin.buffer.read()).documentElement)))
`;
  const result = spawnSync('/usr/bin/python3', ['-c', script], { input: Buffer.from(xml, 'utf8') });
  if (result.status !== 0) throw new Error(`not well-formed: ${result.stderr.toString()}`);
  return JSON.parse(result.stdout.toString()) as XmlNode;
}

const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
const text = (node: XmlNode, name: string) => child(node, name)?.text;

function spec(documents: CaseFileSpec['documents']): CaseFileSpec {
  return {
    agencyName: "Ủy ban nhân dân huyện Ea H'Leo",
    code: '01.VP-2025',
    title: 'Hồ sơ "kế hoạch" <năm 2025> & dự toán',
    year: 2025,
    keeper: 'Trần Thị Mai',
    documents,
  };
}

describe('renderCaseFileXml', () => {
  it('writes well-formed XML with the domain field names and the documents in date order', () => {
    const xml = renderCaseFileXml(
      spec([
        doc({ date: '2025-05-20', numberNotation: '40/BC-UBND', typeName: 'Báo cáo', direction: 'outgoing' }),
        doc({ date: '2025-03-02', numberNotation: '12/QĐ-UBND', subject: 'về việc phê duyệt kế hoạch' }),
        doc({
          date: '2025-01-15',
          numberNotation: '35/UBND-VP',
          typeName: 'Công văn',
          documentIdentifier: null,
          pageAmount: null,
        }),
      ]),
    );
    pdfTools.save('case-file.xml', xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);

    const root = parseXml(xml);
    expect(root.name).toBe('CaseFile');
    expect(text(root, 'OrganName')).toBe("Ủy ban nhân dân huyện Ea H'Leo");
    expect(text(root, 'FileCatalog')).toBe('2025');
    expect(text(root, 'FileNotation')).toBe('01.VP-2025');
    expect(text(root, 'Title')).toBe('Hồ sơ "kế hoạch" <năm 2025> & dự toán');
    expect(text(root, 'Keeper')).toBe('Trần Thị Mai');
    expect(text(root, 'DocTotal')).toBe('3');

    const documents = child(root, 'Documents')!.children;
    expect(documents.map((d) => text(d, 'IssuedDate'))).toEqual(['2025-01-15', '2025-03-02', '2025-05-20']);
    expect(documents.map((d) => text(d, 'DocOrdinal'))).toEqual(['1', '2', '3']);
    expect(documents.map((d) => d.attributes.direction)).toEqual(['incoming', 'incoming', 'outgoing']);

    const decision = documents[1]!;
    expect(decision.children.map((c) => c.name)).toEqual([
      'DocOrdinal',
      'DocumentId',
      'CodeNumber',
      'CodeNotation',
      'IssuedDate',
      'TypeName',
      'Subject',
      'OrganName',
      'SignerInfo',
      'PageAmount',
    ]);
    expect(text(decision, 'DocumentId')).toBe('000.00.12.H17,2025/03/02,12/QĐ-UBND');
    expect(text(decision, 'CodeNumber')).toBe('12');
    expect(text(decision, 'CodeNotation')).toBe('QĐ-UBND');
    expect(text(decision, 'TypeName')).toBe('Quyết định');
    expect(text(decision, 'Subject')).toBe('về việc phê duyệt kế hoạch');
    expect(text(decision, 'OrganName')).toBe("Ủy ban nhân dân huyện Ea H'Leo");
    expect(text(child(decision, 'SignerInfo')!, 'FullName')).toBe('Y Khâm Niê');
    expect(text(decision, 'PageAmount')).toBe('3');

    // No identifier, no page count: left out, not written empty.
    expect(child(documents[0]!, 'DocumentId')).toBeUndefined();
    expect(child(documents[0]!, 'PageAmount')).toBeUndefined();
  });

  it('escapes markup characters and quotes, and drops characters XML cannot hold', () => {
    const nasty = `A & B <b>"x"</b> 'y' ]]> \u0001\u000b end \ud800 \u{1F4C4}`;
    const xml = renderCaseFileXml(
      spec([
        doc({
          subject: nasty,
          issuer: 'Sở <Tài chính> & "Kế hoạch"',
          signer: "O'Brien",
          numberNotation: 'a&b/c<d',
        }),
      ]),
    );
    const d = child(parseXml(xml), 'Documents')!.children[0]!;
    expect(text(d, 'Subject')).toBe(`A & B <b>"x"</b> 'y' ]]>  end  \u{1F4C4}`);
    expect(text(d, 'OrganName')).toBe('Sở <Tài chính> & "Kế hoạch"');
    expect(text(child(d, 'SignerInfo')!, 'FullName')).toBe("O'Brien");
    expect(text(d, 'CodeNumber')).toBe('a&b');
    expect(text(d, 'CodeNotation')).toBe('c<d');
    expect(xml).not.toContain('<b>');
  });

  it('writes an empty file as an empty Documents element', () => {
    const root = parseXml(renderCaseFileXml(spec([])));
    expect(child(root, 'Documents')!.children).toEqual([]);
    expect(text(root, 'DocTotal')).toBe('0');
  });
});
