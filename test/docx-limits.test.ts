import assert from 'node:assert/strict';
import { crc32, deflateRawSync } from 'node:zlib';
import { MAX_DOCX_XML_BYTES } from '../rules/io/docx-zip.js';
import { readDocx } from '../rules/io/read-docx.js';
import { runCli, TempFolder } from './helpers.js';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const PARAGRAPH = '<w:p><w:r><w:t>He said the offence was out of character.</w:t></w:r></w:p>';

/** The XML of a Word document body holding `paragraphs` copies of one paragraph. */
function documentXml(paragraphs: number): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${PARAGRAPH.repeat(paragraphs)}</w:body></w:document>`;
}

/** A zip archive of deflated files, built by hand; `declare` may state a size other than the true one for a file (as a zip bomb does). */
function zipOf(files: Record<string, string>, declare: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = Buffer.from(content, 'utf8');
    const data = deflateRawSync(raw, { level: 9 });
    const size = declare[name] ?? raw.length;
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(raw), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    directory.push(entry, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

/** A minimal Word document with `paragraphs` paragraphs. */
function docxWith(paragraphs: number, declaredDocumentSize?: number): Buffer {
  const files = { '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELATIONSHIPS, 'word/document.xml': documentXml(paragraphs) };
  return zipOf(files, declaredDocumentSize === undefined ? {} : { 'word/document.xml': declaredDocumentSize });
}

/** Paragraphs enough for about 10 MB of document XML: a zip bomb of a few dozen kilobytes. */
const BOMB_PARAGRAPHS = Math.ceil((10 * 1024 * 1024) / PARAGRAPH.length);

describe('Word drafts that unpack to too much', function () {
  this.timeout(60_000);

  it('converts a small hand-built Word document (so the refusals below are about size)', async () => {
    const read = await readDocx(docxWith(2));
    assert.ok(read.ok, read.ok ? '' : read.reason);
    assert.equal(read.text, 'He said the offence was out of character.\n\nHe said the offence was out of character.\n');
  });

  it('refuses a zip bomb whose directory states its size, before inflating it', async () => {
    const bomb = docxWith(BOMB_PARAGRAPHS);
    assert.ok(bomb.length < 100 * 1024, `the bomb is ${bomb.length} bytes`);
    const read = await readDocx(bomb);
    assert.ok(!read.ok);
    assert.match(read.reason, /^unpacks to 10\.0 MB of Word XML; Word drafts over 4 MB unpacked are skipped, split it into smaller documents$/);
  });

  it('refuses a zip bomb that declares a small size, stopping the inflation at that size', async () => {
    const read = await readDocx(docxWith(BOMB_PARAGRAPHS, 4_096));
    assert.ok(!read.ok);
    assert.match(read.reason, /^is not a sound Word document \(its part word\/document\.xml holds more than the size it declares\)/);
  });

  it('converts a document of an eighth of the unpacked limit', async () => {
    const paragraphs = Math.floor((MAX_DOCX_XML_BYTES - 2_000) / PARAGRAPH.length) >> 3;
    const read = await readDocx(docxWith(paragraphs));
    assert.ok(read.ok, read.ok ? '' : read.reason);
  });

  it('check lists the bomb as skipped with its reason and checks the other drafts', async () => {
    const folder = new TempFolder({ 'caseload/bomb.docx': docxWith(BOMB_PARAGRAPHS), 'caseload/fine.docx': docxWith(1) });
    try {
      const run = await runCli(['check', 'caseload', '--format', 'json'], folder.root);
      assert.equal(run.code, 0, run.stderr);
      const reports = JSON.parse(run.stdout) as Array<{ filePath: string; skipped?: string; messages: Array<{ ruleId: string }> }>;
      assert.match(reports.find((report) => report.filePath === 'caseload/bomb.docx')?.skipped ?? '', /^unpacks to 10\.0 MB of Word XML/);
      assert.ok(reports.find((report) => report.filePath === 'caseload/fine.docx')!.messages.some((message) => message.ruleId === 'uncritical-language'));
      assert.match(run.stderr, /skipped caseload\/bomb\.docx: it unpacks to 10\.0 MB of Word XML/);
    } finally {
      folder.remove();
    }
  });
});
