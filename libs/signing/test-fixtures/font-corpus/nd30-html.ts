export interface Nd30HtmlOptions {
  readonly articles: number;
  readonly signerName: string;
  /** A CSS font-family list. */
  readonly fontFamily: string;
}

const ARTICLE =
  "Ủy ban nhân dân huyện Ea H'Leo quy định việc tiếp nhận, đăng ký, phân phối, giải quyết và lưu trữ " +
  'văn bản điện tử giữa các cơ quan, đơn vị trên địa bàn huyện; mọi văn bản đi phải được ký số theo đúng ' +
  'quy định tại Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư, bảo đảm tính xác thực, toàn ' +
  'vẹn và chống chối bỏ.';

/**
 * The ND30 decision of `nd30-decision.fodt` as a web page (an A4 sheet with the same margins, header
 * table, body and signer block), for printing to PDF with Chromium.
 */
export function nd30Html(options: Nd30HtmlOptions): string {
  const body = Array.from(
    { length: options.articles },
    (_, i) => `<p class="body">Điều ${i + 1}. ${ARTICLE}</p>`,
  ).join('\n    ');
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <style>
      @page { size: A4; margin: 2cm 1.5cm 2cm 3cm; }
      body { margin: 0; font-family: ${options.fontFamily}; font-size: 14pt; }
      table { width: 16.5cm; border-collapse: collapse; }
      td { vertical-align: top; text-align: center; padding: 0; }
      p { margin: 0; }
      .h13 { font-size: 13pt; }
      .b { font-weight: bold; }
      .i { font-style: italic; }
      .title { margin-top: 0.6cm; text-align: center; font-weight: bold; }
      .center { text-align: center; font-weight: bold; }
      .body { text-align: justify; text-indent: 1cm; margin-top: 0.15cm; line-height: 120%; }
      .left { text-align: left; }
      .nn { font-size: 12pt; font-weight: bold; font-style: italic; }
      .nl { font-size: 11pt; }
      .gap { height: 2.6cm; }
    </style>
  </head>
  <body>
    <table>
      <tr>
        <td style="width: 6.5cm">
          <p class="h13">ỦY BAN NHÂN DÂN</p>
          <p class="h13 b">HUYỆN EA H'LEO</p>
          <p class="h13">Số:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/QĐ-UBND</p>
        </td>
        <td>
          <p class="h13 b">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
          <p class="b">Độc lập - Tự do - Hạnh phúc</p>
          <p class="i" style="margin-top: 0.2cm">Ea H'Leo, ngày&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;tháng&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;năm 2026</p>
        </td>
      </tr>
    </table>
    <p class="title">QUYẾT ĐỊNH</p>
    <p class="center">Về việc ban hành Quy chế tiếp nhận, xử lý văn bản điện tử</p>
    <p class="center">CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN EA H'LEO</p>
    ${body}
    <table style="margin-top: 0.3cm">
      <tr>
        <td class="left" style="width: 8.25cm">
          <p class="nn">Nơi nhận:</p>
          <p class="nl">- Như Điều 3;</p>
          <p class="nl">- UBND tỉnh Đắk Lắk (b/c);</p>
          <p class="nl">- Lưu: VT, VP.</p>
        </td>
        <td>
          <p class="b">TM. ỦY BAN NHÂN DÂN</p>
          <p class="b">CHỦ TỊCH</p>
          <div class="gap"></div>
          <p class="b">${options.signerName}</p>
        </td>
      </tr>
    </table>
  </body>
</html>
`;
}
