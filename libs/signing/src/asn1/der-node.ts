/**
 * A zero-copy view of one BER/DER element inside a buffer. CMS blobs from real PDFs are sometimes
 * BER (indefinite lengths, constructed OCTET STRINGs), so both are accepted; every `raw` stays a
 * subarray of the input so signed bytes can be hashed exactly as they were encoded.
 */
export class DerNode {
  private kids?: DerNode[];

  private constructor(
    readonly buf: Buffer,
    /** identifier octet (class, constructed bit and tag number < 31) */
    readonly tag: number,
    readonly start: number,
    readonly contentStart: number,
    /** end of the contents (before an end-of-contents marker when the length was indefinite) */
    readonly contentEnd: number,
    /** end of the whole element */
    readonly end: number,
  ) {}

  static parse(buf: Buffer, pos = 0, limit = buf.length): DerNode {
    if (pos + 2 > limit) throw new DerError('truncated element');
    const tag = buf[pos];
    if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not supported');
    let p = pos + 1;
    const first = buf[p++];
    if (first === 0x80) {
      if ((tag & 0x20) === 0) throw new DerError('indefinite length on a primitive element');
      // indefinite length: children until an end-of-contents marker 00 00
      let q = p;
      for (;;) {
        if (q + 2 > limit) throw new DerError('unterminated indefinite length');
        if (buf[q] === 0 && buf[q + 1] === 0) return new DerNode(buf, tag, pos, p, q, q + 2);
        q = DerNode.parse(buf, q, limit).end;
      }
    }
    let length = first;
    if (first & 0x80) {
      const n = first & 0x7f;
      if (n > 4 || p + n > limit) throw new DerError('unsupported length');
      length = 0;
      for (let i = 0; i < n; i++) length = length * 256 + buf[p++];
    }
    if (p + length > limit) throw new DerError('element longer than its container');
    return new DerNode(buf, tag, pos, p, p + length, p + length);
  }

  get constructed(): boolean {
    return (this.tag & 0x20) !== 0;
  }

  /** the element's bytes including its header, as encoded */
  get raw(): Buffer {
    return this.buf.subarray(this.start, this.end);
  }

  /** the contents octets (for a constructed element: the encoded children) */
  get value(): Buffer {
    return this.buf.subarray(this.contentStart, this.contentEnd);
  }

  get children(): DerNode[] {
    if (this.kids) return this.kids;
    if (!this.constructed) throw new DerError(`element 0x${this.tag.toString(16)} is not constructed`);
    const kids: DerNode[] = [];
    let p = this.contentStart;
    while (p < this.contentEnd) {
      const kid = DerNode.parse(this.buf, p, this.contentEnd);
      kids.push(kid);
      p = kid.end;
    }
    this.kids = kids;
    return kids;
  }

  child(index: number): DerNode {
    const kid = this.children[index];
    if (!kid) throw new DerError(`missing element #${index}`);
    return kid;
  }

  /** the first child with this tag, if any (for optional [n] fields) */
  find(tag: number): DerNode | undefined {
    return this.children.find((k) => k.tag === tag);
  }

  expect(tag: number): this {
    if (this.tag !== tag)
      throw new DerError(`expected tag 0x${tag.toString(16)}, found 0x${this.tag.toString(16)}`);
    return this;
  }

  /** OCTET STRING contents, joining the segments of a BER constructed string */
  octets(): Buffer {
    if (!this.constructed) return this.value;
    return Buffer.concat(this.children.map((k) => k.octets()));
  }
}

export class DerError extends Error {
  constructor(message: string) {
    super(`ASN.1: ${message}`);
    this.name = 'DerError';
  }
}
