package org.duban.decomposition;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An .xlsx download with its Chinese file name (RFC 6266 with RFC 5987 {@code filename*}). */
final class Downloads {

  private Downloads() {}

  static ResponseEntity<byte[]> xlsx(
      DecompositionExportService.Download download, String asciiFallback) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(DecompositionExportService.CONTENT_TYPE))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(download.fileName(), asciiFallback))
        .cacheControl(CacheControl.noStore())
        .contentLength(download.content().length)
        .body(download.content());
  }

  /** {@code attachment; filename="book-7.xlsx"; filename*=UTF-8''%E5%88%86...}. */
  static String attachment(String fileName, String asciiFallback) {
    return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + rfc5987(fileName);
  }

  /** Percent-encodes all but RFC 5987's attr-char, over UTF-8. */
  static String rfc5987(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
